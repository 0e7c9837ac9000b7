{{/*
Helpers shared by every template. Per-service helpers take a context made by
"windbell.context": (dict "root" $ "name" <service key> "svc" <merged service values>).
*/}}

{{/* Chart name, overridable with nameOverride. */}}
{{- define "windbell.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every resource name: the release name, or <release>-windbell. */}}
{{- define "windbell.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "windbell.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Deep merge for the per-service values: "over" wins over "base", maps are merged key by key,
everything else (lists, scalars, false, 0, "") replaces. Sprig's mergeOverwrite cannot be used:
it never lets false or 0 override a default.
*/}}
{{- define "windbell.deepMerge" -}}
{{- $out := deepCopy .base -}}
{{- range $k, $v := .over -}}
{{- $cur := get $out $k -}}
{{- if and (kindIs "map" $v) (kindIs "map" $cur) -}}
{{- $_ := set $out $k (include "windbell.deepMerge" (dict "base" $cur "over" $v) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $k $v -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
The context of one service: (dict "root" $ "name" "ingest") -> YAML of
{svc: <defaults merged with services.<name>>}; use with fromYaml, see "windbell.services".
*/}}
{{- define "windbell.serviceValues" -}}
{{- $svc := include "windbell.deepMerge" (dict "base" .root.Values.defaults "over" (get .root.Values.services .name)) | fromYaml -}}
{{- if not $svc.database.name -}}
{{- $_ := set $svc.database "name" .name -}}
{{- end -}}
{{- toYaml $svc -}}
{{- end -}}

{{/*
The enabled services, sorted by name: YAML list of {name, svc}. Every per-service template ranges
over this, so a new service is one entry in values.yaml and nothing else.
*/}}
{{- define "windbell.enabledServices" -}}
{{- $list := list -}}
{{- range $name := keys .Values.services | sortAlpha -}}
{{- $svc := include "windbell.serviceValues" (dict "root" $ "name" $name) | fromYaml -}}
{{- if $svc.enabled -}}
{{- $list = append $list (dict "name" $name "svc" $svc) -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "services" $list) -}}
{{- end -}}

{{/* Name of one service's resources: <fullname>-<service>. */}}
{{- define "windbell.serviceFullname" -}}
{{- printf "%s-%s" (include "windbell.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Image tag of one service: its own, else image.tag, else the chart's appVersion. */}}
{{- define "windbell.imageTag" -}}
{{- default (default .root.Chart.AppVersion .root.Values.image.tag) (get .svc.image "tag") -}}
{{- end -}}

{{/* Full image reference of one service, by digest when one is set. */}}
{{- define "windbell.image" -}}
{{- $repo := required (printf "services.%s.image.repository is required" .name) .svc.image.repository -}}
{{- with .root.Values.image.registry -}}
{{- $repo = printf "%s/%s" . $repo -}}
{{- end -}}
{{- with get .svc.image "digest" -}}
{{- printf "%s@%s" $repo . -}}
{{- else -}}
{{- printf "%s:%s" $repo (include "windbell.imageTag" $) -}}
{{- end -}}
{{- end -}}

{{/* Selector labels of the whole suite (this release). */}}
{{- define "windbell.suiteSelectorLabels" -}}
app.kubernetes.io/name: {{ include "windbell.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of resources that belong to the suite as a whole. */}}
{{- define "windbell.labels" -}}
helm.sh/chart: {{ include "windbell.chart" . }}
{{ include "windbell.suiteSelectorLabels" . }}
app.kubernetes.io/part-of: windbell
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one service (context). */}}
{{- define "windbell.selectorLabels" -}}
{{ include "windbell.suiteSelectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Labels of one service's resources (context). */}}
{{- define "windbell.serviceLabels" -}}
{{ include "windbell.labels" .root }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/version: {{ include "windbell.imageTag" . | trunc 63 | quote }}
{{- end -}}

{{/* ServiceAccount name of one service (context). */}}
{{- define "windbell.serviceAccountName" -}}
{{- if .svc.serviceAccount.create -}}
{{- default (include "windbell.serviceFullname" .) .svc.serviceAccount.name -}}
{{- else -}}
{{- default "default" .svc.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Pod security context: non-root, seccomp RuntimeDefault (context). */}}
{{- define "windbell.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .svc.securityContext.runAsUser }}
runAsGroup: {{ .svc.securityContext.runAsGroup }}
fsGroup: {{ .svc.securityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container security context: non-root, read-only root filesystem, no capabilities (context). */}}
{{- define "windbell.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .svc.securityContext.runAsUser }}
runAsGroup: {{ .svc.securityContext.runAsGroup }}
privileged: false
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Requests and limits (context); the schema requires both. */}}
{{- define "windbell.resources" -}}
requests:
  cpu: {{ .svc.resources.requests.cpu | quote }}
  memory: {{ .svc.resources.requests.memory | quote }}
limits:
  cpu: {{ .svc.resources.limits.cpu | quote }}
  memory: {{ .svc.resources.limits.memory | quote }}
{{- end -}}

{{/* One HTTP probe on the management interface, where the health endpoints live: (dict "path" ... "p" <probe settings>). */}}
{{- define "windbell.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: management
  scheme: HTTP
periodSeconds: {{ .p.periodSeconds }}
timeoutSeconds: {{ .p.timeoutSeconds }}
failureThreshold: {{ .p.failureThreshold }}
successThreshold: 1
{{- end -}}

{{/* Startup, liveness and readiness probes on SmallRye Health, management port (context). */}}
{{- define "windbell.probes" -}}
startupProbe:
  {{- include "windbell.httpProbe" (dict "path" "/q/health/started" "p" .svc.probes.startup) | nindent 2 }}
livenessProbe:
  {{- include "windbell.httpProbe" (dict "path" "/q/health/live" "p" .svc.probes.liveness) | nindent 2 }}
readinessProbe:
  {{- include "windbell.httpProbe" (dict "path" "/q/health/ready" "p" .svc.probes.readiness) | nindent 2 }}
{{- end -}}

{{/* JAVA_TOOL_OPTIONS: heap sized from the memory limit, temp files on the /tmp emptyDir (context). */}}
{{- define "windbell.javaToolOptions" -}}
{{- $opts := list (printf "-XX:MaxRAMPercentage=%v" .svc.jvm.maxRAMPercentage) "-Djava.io.tmpdir=/tmp" -}}
{{- with .svc.jvm.options -}}
{{- $opts = append $opts . -}}
{{- end -}}
{{- join " " $opts -}}
{{- end -}}

{{/* Datasource URL without scheme prefix: //host:port/db[?sslmode=...] (context). */}}
{{- define "windbell.datasourcePath" -}}
{{- $pg := .root.Values.postgresql -}}
{{- printf "//%s:%v/%s" $pg.host $pg.port .svc.database.name -}}
{{- with $pg.sslMode -}}?sslmode={{ . }}{{- end -}}
{{- end -}}

{{/* Plain configuration of one service: the data of its ConfigMap (context). */}}
{{- define "windbell.configData" -}}
{{- $data := dict
  "QUARKUS_HTTP_PORT" (toString .svc.containerPort)
  "QUARKUS_MANAGEMENT_PORT" (toString .svc.managementPort)
  "QUARKUS_OIDC_AUTH_SERVER_URL" .root.Values.oidc.authServerUrl
-}}
{{- if .svc.kafkaClient -}}
{{- $_ := set $data "KAFKA_BOOTSTRAP_SERVERS" .root.Values.kafka.bootstrapServers -}}
{{- end -}}
{{- /* the gateway: its upstreams and its browser origin */ -}}
{{- include "windbell.upstreamEnv" (dict "ctx" . "data" $data) -}}
{{- /* Kafka over mutual TLS: Quarkus passes every KAFKA_* variable to all Kafka clients (kafka.* config);
       the PEM certificates themselves come from Secrets (windbell.secretEnv) */ -}}
{{- if and .root.Values.kafka.tls.enabled .svc.kafkaClient -}}
{{- $_ := set $data "KAFKA_SECURITY_PROTOCOL" "SSL" -}}
{{- $_ := set $data "KAFKA_SSL_TRUSTSTORE_TYPE" "PEM" -}}
{{- $_ := set $data "KAFKA_SSL_KEYSTORE_TYPE" "PEM" -}}
{{- end -}}
{{- if .svc.database.enabled -}}
{{- $path := include "windbell.datasourcePath" . -}}
{{- $_ := set $data "QUARKUS_DATASOURCE_REACTIVE_URL" (printf "postgresql:%s" $path) -}}
{{- $_ := set $data "QUARKUS_DATASOURCE_JDBC_URL" (printf "jdbc:postgresql:%s" $path) -}}
{{- end -}}
{{- with .root.Values.opentelemetry.endpoint -}}
{{- $_ := set $data "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT" . -}}
{{- else -}}
{{- $_ := set $data "QUARKUS_OTEL_SDK_DISABLED" "true" -}}
{{- end -}}
{{- /* survey: where customers open survey links (the schema allows publicBaseUrl on survey only) */ -}}
{{- with .svc.publicBaseUrl -}}
{{- $_ := set $data "WINDBELL_SURVEY_INVITATIONS_PUBLIC_BASE_URL" . -}}
{{- end -}}
{{- /* a service with an OIDC client (its secret in secretEnv) fetches its tokens from the same realm */ -}}
{{- if hasKey .svc.secretEnv "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET" -}}
{{- $_ := set $data "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL" .root.Values.oidc.authServerUrl -}}
{{- end -}}
{{- range $k, $v := .svc.env -}}
{{- $_ := set $data $k (toString $v) -}}
{{- end -}}
{{- range $k := keys $data | sortAlpha }}
{{ $k }}: {{ get $data $k | quote }}
{{- end -}}
{{- end -}}

{{/*
The gateway's upstreams (dict "ctx" <context> "data" <config map data>, filled in place): for each service named in
svc.upstreams, WINDBELL_<NAME>_URL = its Service in this release (http://<fullname>-<name>:<service port>). A service
that is not enabled must be given an address in the gateway's env: the gateway is ready only when every route reaches
an instance, so a route to nothing would keep it out of its Service for good. And the browser origin of the pages it
serves (the staff inbox) when the Ingress has a host: QUARKUS_HTTP_CORS_ORIGINS (env overrides it).
*/}}
{{- define "windbell.upstreamEnv" -}}
{{- $ctx := .ctx -}}
{{- range $name := (get $ctx.svc "upstreams" | default list) -}}
{{- $var := printf "WINDBELL_%s_URL" ($name | upper | replace "-" "_") -}}
{{- $up := dict -}}
{{- if hasKey $ctx.root.Values.services $name -}}
{{- $up = include "windbell.serviceValues" (dict "root" $ctx.root "name" $name) | fromYaml -}}
{{- end -}}
{{- if $up.enabled -}}
{{- $_ := set $.data $var (printf "http://%s:%v" (include "windbell.serviceFullname" (dict "root" $ctx.root "name" $name)) $up.service.port) -}}
{{- else if not (hasKey $ctx.svc.env $var) -}}
{{- fail (printf "services.%s.upstreams names %s, which is not enabled: enable services.%s, set services.%s.env.%s to its address, or take it out of upstreams (the gateway is ready only when every route reaches an instance)" $ctx.name $name $name $ctx.name $var) -}}
{{- end -}}
{{- end -}}
{{- /* every route of the gateway's configuration to a service not among its upstreams is switched off (survey's
public pages go with survey), so the gateway neither serves nor waits for it */ -}}
{{- if get $ctx.svc "upstreams" -}}
{{- range $route := list "ingest" "journey" "survey" "scoring" "workorder" "notification" -}}
{{- if not (has $route $ctx.svc.upstreams) -}}
{{- $_ := set $.data (printf "WINDBELL_GATEWAY_ROUTES_%s_ENABLED" ($route | upper)) "false" -}}
{{- if eq $route "survey" -}}
{{- range $public := list "SURVEY_PAGES" "SURVEY_ASSETS" "SURVEY_RESPONDENT" -}}
{{- $_ := set $.data (printf "WINDBELL_GATEWAY_ROUTES_%s_ENABLED" $public) "false" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and (get $ctx.svc "upstreams") $ctx.svc.ingress.enabled $ctx.svc.ingress.host -}}
{{- $_ := set $.data "QUARKUS_HTTP_CORS_ORIGINS" (printf "%s://%s" (ternary "https" "http" (not (empty $ctx.svc.ingress.tlsSecretName))) $ctx.svc.ingress.host) -}}
{{- end -}}
{{- end -}}

{{/*
Credentials of one service, all from existing Secrets (context): its own existingSecret, and for
survey the Secret holding the key that signs survey links (tokenKey).
*/}}
{{- define "windbell.secretEnv" -}}
{{- /* a service with a database or secretEnv reads them from its existingSecret; the stateless gateway needs none */ -}}
{{- $secret := "" -}}
{{- if or .svc.database.enabled .svc.secretEnv -}}
{{- $secret = required (printf "services.%s.existingSecret is required: credentials come from an existing Secret (see k8s/README.md)" .name) .svc.existingSecret -}}
{{- end -}}
{{- if .svc.database.enabled }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .svc.database.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .svc.database.passwordKey }}
{{- end }}
{{- range $var, $key := .svc.secretEnv }}
- name: {{ $var }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
{{- end }}
{{- with .root.Values.kafka.tls }}
{{- if and .enabled $.svc.kafkaClient }}
{{- /* the cluster CA and this service's own KafkaUser certificate (Strimzi), never another's */}}
- name: KAFKA_SSL_TRUSTSTORE_CERTIFICATES
  valueFrom:
    secretKeyRef:
      name: {{ .clusterCaSecret }}
      key: ca.crt
- name: KAFKA_SSL_KEYSTORE_CERTIFICATE_CHAIN
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s%s" .userSecretPrefix $.name }}
      key: user.crt
- name: KAFKA_SSL_KEYSTORE_KEY
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s%s" .userSecretPrefix $.name }}
      key: user.key
{{- end }}
{{- end }}
{{- with .svc.tokenKey }}
- name: WINDBELL_SURVEY_INVITATIONS_TOKEN_KEY
  valueFrom:
    secretKeyRef:
      name: {{ required "services.survey.tokenKey.existingSecret is required: the link key comes from an existing Secret" .existingSecret }}
      key: {{ required "services.survey.tokenKey.key is required" .key }}
{{- end }}
{{- end -}}

{{/* A NetworkPolicy peer from a {namespaceSelector, podSelector} value. */}}
{{- define "windbell.peer" -}}
- namespaceSelector:
    matchLabels:
      {{- toYaml .namespaceSelector | nindent 6 }}
  podSelector:
    {{- if .podSelector }}
    matchLabels:
      {{- toYaml .podSelector | nindent 6 }}
    {{- else }} {}
    {{- end }}
{{- end -}}

{{/* NetworkPolicy ports from a list of numbers: (dict "ports" ... "protocols" (list "TCP")). */}}
{{- define "windbell.ports" -}}
{{- range $port := .ports }}
{{- range $proto := $.protocols }}
- protocol: {{ $proto }}
  port: {{ $port }}
{{- end }}
{{- end }}
{{- end -}}
