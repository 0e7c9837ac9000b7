package io.windbell.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * {@code helm template} with every value set: the output parses as typed Kubernetes objects without unknown fields, and
 * holds to the suite's deployment rules.
 */
class ChartTemplateTest {

    /** Environment variable names that may only ever come from a Secret. */
    private static final Pattern CREDENTIAL_NAME = Pattern
            .compile("(?i)(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY)");
    private static final String COMPONENT = "app.kubernetes.io/component";

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("defaults", null), Arguments.of("all-services.yaml", "values/all-services.yaml"),
                Arguments.of("network-policies.yaml", "values/network-policies.yaml"),
                Arguments.of("notification.yaml", "values/notification.yaml"),
                Arguments.of("hpa.yaml", "values/hpa.yaml"), Arguments.of("overrides.yaml", "values/overrides.yaml"));
    }

    /** One rendering of the chart with a value set. */
    record Rendered(Map<String, Object> values, Set<String> enabled, List<HasMetadata> resources) {

        static Rendered of(String valuesResource) throws Exception {
            Path file = valuesResource == null ? null : WindbellChart.resource(valuesResource);
            Map<String, Object> values = WindbellChart.values(file);
            return new Rendered(values, WindbellChart.enabledServices(values),
                    WindbellChart.parse(WindbellChart.template(file)));
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
        }

        Set<String> components(Class<? extends HasMetadata> type) {
            return all(type).stream().map(r -> r.getMetadata().getLabels().get(COMPONENT))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void oneDeploymentServiceConfigMapAndServiceAccountPerEnabledService(String name, String valuesResource)
            throws Exception {
        Rendered r = Rendered.of(valuesResource);
        assertThat(r.enabled()).isNotEmpty();

        List<Deployment> deployments = r.all(Deployment.class);
        assertThat(deployments).hasSize(r.enabled().size());
        assertThat(r.components(Deployment.class)).isEqualTo(r.enabled());
        assertThat(r.components(Service.class)).isEqualTo(r.enabled());
        assertThat(r.components(ConfigMap.class)).isEqualTo(r.enabled());
        assertThat(r.all(Secret.class)).as("the chart never creates Secrets, it references existing ones").isEmpty();

        for (Deployment d : deployments) {
            assertThat(d.getMetadata().getNamespace()).isEqualTo(WindbellChart.NAMESPACE);
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);

            Service service = r.named(Service.class, d.getMetadata().getName());
            assertThat(service.getSpec().getSelector()).isEqualTo(selector);
            assertThat(service.getSpec().getPorts()).singleElement()
                    .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            if (!"default".equals(pod.getServiceAccountName()) && r.all(ServiceAccount.class).stream()
                    .anyMatch(sa -> sa.getMetadata().getName().equals(pod.getServiceAccountName()))) {
                assertThat(r.named(ServiceAccount.class, pod.getServiceAccountName()).getAutomountServiceAccountToken())
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyContainerIsHardened(String name, String valuesResource) throws Exception {
        Rendered r = Rendered.of(valuesResource);
        for (Deployment d : r.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String where = d.getMetadata().getName();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(where).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(where).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).as(where).isNotEqualTo(Boolean.TRUE);

            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            assertThat(containers).isNotEmpty();
            for (Container c : containers) {
                String at = where + "/" + c.getName();
                var sc = c.getSecurityContext();
                assertThat(sc).as(at).isNotNull();
                assertThat(sc.getRunAsNonRoot()).as(at + " runAsNonRoot").isTrue();
                assertThat(sc.getRunAsUser()).as(at + " runAsUser").isPositive();
                assertThat(sc.getReadOnlyRootFilesystem()).as(at + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(at + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getPrivileged()).as(at + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as(at + " capabilities").containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(at + " capabilities").isNullOrEmpty();

                // the root filesystem is read-only: /tmp is an emptyDir
                assertThat(c.getVolumeMounts()).as(at).anySatisfy(m -> {
                    assertThat(m.getMountPath()).isEqualTo("/tmp");
                    assertThat(pod.getVolumes()).anySatisfy(v -> {
                        assertThat(v.getName()).isEqualTo(m.getName());
                        assertThat(v.getEmptyDir()).isNotNull();
                    });
                });

                assertThat(c.getResources().getRequests()).as(at + " requests").containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(at + " limits").containsKeys("cpu", "memory");

                assertHealthProbe(c.getStartupProbe(), "/q/health/started", at);
                assertHealthProbe(c.getLivenessProbe(), "/q/health/live", at);
                assertHealthProbe(c.getReadinessProbe(), "/q/health/ready", at);
                assertManagementOnlyForTheProbes(r, d, c, at);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void credentialsOnlyComeFromTheExistingSecret(String name, String valuesResource) throws Exception {
        Rendered r = Rendered.of(valuesResource);
        for (Deployment d : r.all(Deployment.class)) {
            String service = d.getMetadata().getLabels().get(COMPONENT);
            Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) r.values().get("services")).get(service);
            Object existingSecret = entry.get("existingSecret");
            // survey's link key lives in a Secret of its own
            Set<Object> secrets = new java.util.HashSet<>();
            secrets.add(existingSecret);
            if (entry.get("tokenKey") instanceof Map<?, ?> tokenKey) {
                secrets.add(tokenKey.get("existingSecret"));
            }
            // Kafka: the cluster CA and the service's own KafkaUser certificate, both written by Strimzi
            Map<?, ?> kafkaTls = (Map<?, ?>) ((Map<?, ?>) r.values().get("kafka")).get("tls");
            if (!Boolean.FALSE.equals(entry.get("kafkaClient"))) {
                secrets.add(kafkaTls.get("clusterCaSecret"));
                secrets.add(kafkaTls.get("userSecretPrefix") + service);
            }
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            String at = d.getMetadata().getName();

            for (EnvVar env : c.getEnv()) {
                if (env.getValueFrom() != null) {
                    assertThat(env.getValue()).as(at + " " + env.getName() + ": a value next to valueFrom").isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(at + " " + env.getName()).isNotNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(at + " " + env.getName())
                            .isIn(secrets);
                } else {
                    assertNotACredential(env.getName(), env.getValue(), at);
                }
            }
            // a service with a database reads its login from its Secret; the stateless gateway has neither
            boolean database = !(entry.get("database") instanceof Map<?, ?> db
                    && Boolean.FALSE.equals(db.get("enabled")));
            if (database) {
                assertThat(c.getEnv()).as(at).anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(existingSecret);
                });
            } else {
                assertThat(c.getEnv()).as(at)
                        .noneSatisfy(env -> assertThat(env.getName()).startsWith("QUARKUS_DATASOURCE_"));
            }
            boolean kafka = !Boolean.FALSE.equals(entry.get("kafkaClient"));
            assertThat(c.getEnv()).as(at).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo("JAVA_TOOL_OPTIONS");
                assertThat(env.getValue()).contains("-XX:MaxRAMPercentage=");
            });

            // the rest of the environment: one ConfigMap of plain configuration
            assertThat(c.getEnvFrom()).as(at).singleElement().satisfies(from -> {
                assertThat(from.getSecretRef()).isNull();
                ConfigMap config = r.named(ConfigMap.class, from.getConfigMapRef().getName());
                config.getData()
                        .forEach((key, value) -> assertNotACredential(key, value, config.getMetadata().getName()));
                assertThat(config.getData()).containsKey("QUARKUS_OIDC_AUTH_SERVER_URL");
                if (database) {
                    assertThat(config.getData()).containsKeys("QUARKUS_DATASOURCE_REACTIVE_URL",
                            "QUARKUS_DATASOURCE_JDBC_URL");
                } else {
                    assertThat(config.getData().keySet()).noneMatch(k -> k.startsWith("QUARKUS_DATASOURCE_"));
                }
                if (kafka) {
                    assertThat(config.getData()).containsKey("KAFKA_BOOTSTRAP_SERVERS");
                } else {
                    assertThat(config.getData()).doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
                }
                assertThat(config.getData()).containsEntry("QUARKUS_HTTP_PORT",
                        String.valueOf(port(c, "http").getContainerPort()));
                assertThat(config.getData()).containsEntry("QUARKUS_MANAGEMENT_PORT",
                        String.valueOf(port(c, "management").getContainerPort()));
            });
        }
    }

    @Test
    void defaultsRenderIngestJourneyScoringAndWorkorderWithTheirDatabasesAndPorts() throws Exception {
        Rendered r = Rendered.of(null);
        assertThat(r.enabled()).containsExactly("ingest", "journey", "scoring", "workorder");
        assertThat(r.all(NetworkPolicy.class)).isEmpty();
        assertThat(r.all(HorizontalPodAutoscaler.class)).isEmpty();

        Deployment ingest = r.named(Deployment.class, "windbell-ingest");
        assertThat(ingest.getSpec().getReplicas()).isEqualTo(2);
        Container c = ingest.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("registry.example.com/windbell/ingest:0.1.0");
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8080);
        assertThat(port(c, "management").getContainerPort()).isEqualTo(9000);

        Map<String, String> config = r.named(ConfigMap.class, "windbell-ingest").getData();
        assertThat(config).containsEntry("QUARKUS_HTTP_PORT", "8080")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL",
                        "postgresql://windbell-pg-rw.windbell.svc:5432/ingest")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://windbell-pg-rw.windbell.svc:5432/ingest")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "windbell-kafka-bootstrap.windbell.svc:9093").containsEntry(
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "http://keycloak-service.keycloak.svc:8080/realms/windbell");

        assertThat(r.named(PodDisruptionBudget.class, "windbell-ingest").getSpec().getMaxUnavailable().getIntVal())
                .isEqualTo(1);
    }

    /** journey: its own port, database and Secret; the broker and the realm like every service; health probes. */
    @Test
    void journeyIsDeployedOnItsPortWithItsDatabaseSecretAndProbes() throws Exception {
        Rendered r = Rendered.of(null);

        Deployment journey = r.named(Deployment.class, "windbell-journey");
        assertThat(journey.getSpec().getReplicas()).isEqualTo(2);
        PodSpec pod = journey.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertThat(c.getName()).isEqualTo("journey");
        assertThat(c.getImage()).isEqualTo("registry.example.com/windbell/journey:0.1.0");
        assertThat(c.getPorts()).extracting(ContainerPort::getName).containsExactly("http", "management");
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8082);
        assertThat(port(c, "management").getContainerPort()).isEqualTo(9000);
        assertHealthProbe(c.getStartupProbe(), "/q/health/started", "journey");
        assertHealthProbe(c.getLivenessProbe(), "/q/health/live", "journey");
        assertHealthProbe(c.getReadinessProbe(), "/q/health/ready", "journey");
        assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(5);
        assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("768Mi");
        assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");

        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(c.getEnv()).as(variable).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo(variable);
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("windbell-journey-db");
            });
        }
        Map<String, String> config = r.named(ConfigMap.class, "windbell-journey").getData();
        assertThat(config).containsEntry("QUARKUS_HTTP_PORT", "8082")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://windbell-pg-rw.windbell.svc:5432/journey")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "windbell-kafka-bootstrap.windbell.svc:9093")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL",
                        "http://keycloak-service.keycloak.svc:8080/realms/windbell")
                .containsEntry("MP_MESSAGING_INCOMING_TOUCHPOINTS_CONCURRENCY", "2");

        Service service = r.named(Service.class, "windbell-journey");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8082);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(r.named(PodDisruptionBudget.class, "windbell-journey").getSpec().getMaxUnavailable().getIntVal())
                .isEqualTo(1);
        assertThat(r.named(ServiceAccount.class, "windbell-journey").getAutomountServiceAccountToken()).isFalse();
    }

    /** scoring: its own port, database Secret and the bank's time zone, which every day, week and month follows. */
    @Test
    void scoringIsDeployedOnItsPortWithItsDatabaseSecretAndTheBanksTimeZone() throws Exception {
        Rendered r = Rendered.of(null);

        Container c = r.named(Deployment.class, "windbell-scoring").getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        assertThat(c.getImage()).isEqualTo("registry.example.com/windbell/scoring:0.1.0");
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8084);
        assertHealthProbe(c.getReadinessProbe(), "/q/health/ready", "scoring");
        assertThat(c.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("windbell-scoring-db");
        });
        assertThat(r.named(ConfigMap.class, "windbell-scoring").getData())
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://windbell-pg-rw.windbell.svc:5432/scoring")
                .containsEntry("WINDBELL_SCORING_TIME_ZONE", "Asia/Shanghai");
        assertThat(r.named(Service.class, "windbell-scoring").getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(8084));
    }

    /**
     * workorder: the first service with a reactive datasource, so both URLs point at its own database (the reactive
     * client for the aggregates, JDBC for Flyway and the outbox relay) with one Secret; its port and the bank's time
     * zone, which business time follows.
     */
    @Test
    void workorderIsDeployedOnItsPortWithBothDatasourceUrlsOnItsDatabase() throws Exception {
        Rendered r = Rendered.of(null);

        Container c = r.named(Deployment.class, "windbell-workorder").getSpec().getTemplate().getSpec().getContainers()
                .get(0);
        assertThat(c.getImage()).isEqualTo("registry.example.com/windbell/workorder:0.1.0");
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8085);
        assertHealthProbe(c.getReadinessProbe(), "/q/health/ready", "workorder");
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(c.getEnv()).as(variable).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo(variable);
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("windbell-workorder-db");
            });
        }
        assertThat(r.named(ConfigMap.class, "windbell-workorder").getData()).containsEntry("QUARKUS_HTTP_PORT", "8085")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL",
                        "postgresql://windbell-pg-rw.windbell.svc:5432/workorder")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://windbell-pg-rw.windbell.svc:5432/workorder")
                .containsEntry("WINDBELL_WORKORDER_TIME_ZONE", "Asia/Shanghai");
        assertThat(r.named(Service.class, "windbell-workorder").getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(8085));
        assertThat(r.named(PodDisruptionBudget.class, "windbell-workorder").getSpec().getMaxUnavailable().getIntVal())
                .isEqualTo(1);
    }

    /**
     * notification: its port, its credentials from its own Secret (database, the OIDC client that fetches survey links,
     * the stream-ticket key, the SMTP login), its OIDC client pointed at the chart's realm; staff browsers reach it
     * through the gateway's Ingress, which neither buffers the SSE push stream nor cuts it after a minute, and the
     * ingress controller cannot reach notification itself.
     */
    @Test
    void notificationStreamsThroughTheGatewaysUnbufferedIngressWithItsCredentialsFromItsSecret() throws Exception {
        Rendered r = Rendered.of("values/notification.yaml");

        Container c = r.named(Deployment.class, "windbell-notification").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8086);
        assertHealthProbe(c.getReadinessProbe(), "/q/health/ready", "notification");
        Map<String, String> fromSecret = c.getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                        && env.getValueFrom().getSecretKeyRef().getName().equals("windbell-notification-db"))
                .collect(Collectors.toMap(EnvVar::getName, env -> env.getValueFrom().getSecretKeyRef().getKey()));
        assertThat(fromSecret).containsEntry("QUARKUS_DATASOURCE_USERNAME", "username")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "password")
                .containsEntry("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", "oidc-client-secret")
                .containsEntry("WINDBELL_NOTIFICATION_STREAM_TICKET_KEY", "stream-ticket-key")
                .containsEntry("WINDBELL_NOTIFICATION_ENDPOINTS_SECRET_KEY", "endpoint-secret-key")
                .containsEntry("QUARKUS_MAILER_USERNAME", "smtp-username")
                .containsEntry("QUARKUS_MAILER_PASSWORD", "smtp-password");
        Map<String, String> config = r.named(ConfigMap.class, "windbell-notification").getData();
        assertThat(config).containsEntry("QUARKUS_HTTP_PORT", "8086")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL",
                        "postgresql://windbell-pg-rw.windbell.svc:5432/notification")
                .containsEntry("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", config.get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                .containsEntry("QUARKUS_OIDC_CLIENT_CLIENT_ID", "windbell-notification")
                .containsEntry("QUARKUS_MAILER_MOCK", "false")
                .doesNotContainKey("WINDBELL_NOTIFICATION_STREAM_TICKET_KEY")
                .doesNotContainKey("WINDBELL_NOTIFICATION_ENDPOINTS_SECRET_KEY");
        assertThat(r.named(ConfigMap.class, "windbell-workorder").getData())
                .as("only a service with an OIDC client secret gets the client's realm")
                .doesNotContainKey("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL");

        assertThat(r.all(Ingress.class)).singleElement().satisfies(ingress -> {
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
            assertThat(
                    ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                            .isEqualTo("windbell-gateway");
        });
        assertThat(r.named(NetworkPolicy.class, "windbell-notification-ingress").getSpec().getIngress()).singleElement()
                .satisfies(rule -> assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).as("not the ingress controller").isNull();
                    assertThat(peer.getPodSelector().getMatchLabels()).containsEntry(COMPONENT, "gateway");
                }));
    }

    /**
     * The gateway: stateless (no database, no Kafka, no Secret), its upstreams are the other services' Services by name
     * and port, the browser origin is the Ingress host, and its health probes and resources like every service's.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "values/all-services.yaml", "values/notification.yaml" })
    void gatewayRoutesToEveryServiceByItsServiceNameWithoutStateOrCredentials(String valuesResource) throws Exception {
        Rendered r = Rendered.of(valuesResource);
        Deployment gateway = r.named(Deployment.class, "windbell-gateway");
        Container c = gateway.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("registry.example.com/windbell/gateway:0.1.0");
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8080);
        assertHealthProbe(c.getReadinessProbe(), "/q/health/ready", "gateway");
        assertThat(c.getResources().getLimits().get("cpu").toString()).isEqualTo("2");
        assertThat(c.getEnv()).as("no credentials at all").allSatisfy(env -> assertThat(env.getValueFrom()).isNull());

        Map<String, String> config = r.named(ConfigMap.class, "windbell-gateway").getData();
        assertThat(config).containsEntry("WINDBELL_INGEST_URL", "http://windbell-ingest:8080")
                .containsEntry("WINDBELL_JOURNEY_URL", "http://windbell-journey:8082")
                .containsEntry("WINDBELL_SURVEY_URL", "http://windbell-survey:8083")
                .containsEntry("WINDBELL_SCORING_URL", "http://windbell-scoring:8084")
                .containsEntry("WINDBELL_WORKORDER_URL", "http://windbell-workorder:8085")
                .containsEntry("WINDBELL_NOTIFICATION_URL", "http://windbell-notification:8086")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL",
                        "http://keycloak-service.keycloak.svc:8080/realms/windbell")
                .containsEntry("QUARKUS_HTTP_PORT", "8080").doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL").doesNotContainKey("KAFKA_SECURITY_PROTOCOL");
        Ingress ingress = r.all(Ingress.class).get(0);
        assertThat(config).containsEntry("QUARKUS_HTTP_CORS_ORIGINS",
                "https://" + ingress.getSpec().getRules().get(0).getHost());
        // the upstream URLs go to the gateway only
        for (ConfigMap other : r.all(ConfigMap.class)) {
            if (!other.getMetadata().getName().equals("windbell-gateway")) {
                assertThat(other.getData()).as(other.getMetadata().getName()).doesNotContainKey("WINDBELL_INGEST_URL");
            }
        }
    }

    /** A route to a service that is not deployed would keep the gateway unready for good: refused, unless addressed. */
    @Test
    void gatewayRefusesARouteToAServiceThatIsNotDeployedUnlessGivenItsAddress() throws Exception {
        // defaults: survey and notification are off
        Path without = WindbellChart.resource("values/gateway-without-survey.yaml");
        assertThatThrownBy(() -> WindbellChart.template(without))
                .hasMessageContaining("services.gateway.upstreams names survey, which is not enabled")
                .hasMessageContaining("WINDBELL_SURVEY_URL");

        Rendered r = Rendered.of("values/gateway-external-upstreams.yaml");
        assertThat(r.named(ConfigMap.class, "windbell-gateway").getData())
                .containsEntry("WINDBELL_SURVEY_URL",
                        "http://survey-a.cx-legacy.svc:8083,http://survey-b.cx-legacy.svc:8083")
                .containsEntry("WINDBELL_INGEST_URL", "http://windbell-ingest:8080")
                .doesNotContainKey("WINDBELL_NOTIFICATION_URL")
                // the route to the service not deployed is switched off, so the gateway neither serves nor awaits it
                .containsEntry("WINDBELL_GATEWAY_ROUTES_NOTIFICATION_ENABLED", "false")
                .doesNotContainKey("WINDBELL_GATEWAY_ROUTES_SURVEY_ENABLED")
                .doesNotContainKey("WINDBELL_GATEWAY_ROUTES_INGEST_ENABLED");
    }

    /**
     * Kafka over mutual TLS: every service presents its own KafkaUser's certificate (never another service's, whose
     * ACLs would then apply) and checks the brokers against the cluster CA; Quarkus passes the KAFKA_* settings to
     * every Kafka client.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyServiceTalksToKafkaOverTlsAsItsOwnKafkaUser(String name, String valuesResource) throws Exception {
        Rendered r = Rendered.of(valuesResource);
        for (Deployment d : r.all(Deployment.class)) {
            String service = d.getMetadata().getLabels().get(COMPONENT);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> config = r.named(ConfigMap.class, c.getEnvFrom().get(0).getConfigMapRef().getName())
                    .getData();
            Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) r.values().get("services")).get(service);
            if (Boolean.FALSE.equals(entry.get("kafkaClient"))) {
                // no Kafka user of its own: no certificate, and no Secret reference that would not exist
                assertThat(config).as(service).doesNotContainKey("KAFKA_SECURITY_PROTOCOL");
                assertThat(c.getEnv()).as(service).noneSatisfy(e -> assertThat(e.getName()).startsWith("KAFKA_"));
                continue;
            }
            assertThat(config).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", "SSL")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM").containsEntry("KAFKA_SSL_KEYSTORE_TYPE", "PEM");
            assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).as(service).endsWith(":9093");
            Map<String, String> fromSecrets = c.getEnv().stream().filter(e -> e.getName().startsWith("KAFKA_"))
                    .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName() + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey()));
            assertThat(fromSecrets).as(service).containsOnly(
                    Map.entry("KAFKA_SSL_TRUSTSTORE_CERTIFICATES", "windbell-cluster-ca-cert/ca.crt"),
                    Map.entry("KAFKA_SSL_KEYSTORE_CERTIFICATE_CHAIN", "windbell-" + service + "/user.crt"),
                    Map.entry("KAFKA_SSL_KEYSTORE_KEY", "windbell-" + service + "/user.key"));
        }
    }

    /**
     * survey: its port and database, the link key only as a reference to its own Secret (never a value, nowhere else),
     * the public base URL of the links as plain configuration.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "values/all-services.yaml", "values/network-policies.yaml" })
    void surveyTakesItsLinkKeyFromASecretAndItsPublicBaseUrlFromValues(String valuesResource) throws Exception {
        Rendered r = Rendered.of(valuesResource);

        Deployment survey = r.named(Deployment.class, "windbell-survey");
        Container c = survey.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("survey");
        assertThat(c.getImage()).isEqualTo("registry.example.com/windbell/survey:0.1.0");
        assertThat(port(c, "http").getContainerPort()).isEqualTo(8083);
        assertThat(r.named(Service.class, "windbell-survey").getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(8083));

        assertThat(c.getEnv()).filteredOn(env -> env.getName().equals("WINDBELL_SURVEY_INVITATIONS_TOKEN_KEY"))
                .singleElement().satisfies(env -> {
                    assertThat(env.getValue()).as("no plaintext key").isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("windbell-survey-link-key");
                    assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token-key");
                });
        assertThat(c.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("windbell-survey-db");
        });
        Map<String, String> config = r.named(ConfigMap.class, "windbell-survey").getData();
        assertThat(config).containsEntry("QUARKUS_HTTP_PORT", "8083")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://windbell-pg-rw.windbell.svc:5432/survey")
                .containsEntry("WINDBELL_SURVEY_INVITATIONS_PUBLIC_BASE_URL", "https://cx.bank.example")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "windbell-kafka-bootstrap.windbell.svc:9093")
                .doesNotContainKey("WINDBELL_SURVEY_INVITATIONS_TOKEN_KEY");

        // no other service gets the link key or the public base URL
        for (Deployment d : r.all(Deployment.class)) {
            if (d == survey) {
                continue;
            }
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .as(d.getMetadata().getName())
                    .noneSatisfy(env -> assertThat(env.getName()).startsWith("WINDBELL_SURVEY_"));
            assertThat(r.named(ConfigMap.class, d.getMetadata().getName()).getData()).as(d.getMetadata().getName())
                    .doesNotContainKey("WINDBELL_SURVEY_INVITATIONS_PUBLIC_BASE_URL");
        }
    }

    @Test
    void hpaReplacesReplicasAndFalseOverridesADefault() throws Exception {
        Rendered r = Rendered.of("values/hpa.yaml");
        assertThat(r.components(HorizontalPodAutoscaler.class)).containsExactly("ingest", "scoring", "workorder");

        HorizontalPodAutoscaler hpa = r.named(HorizontalPodAutoscaler.class, "windbell-ingest");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("windbell-ingest");
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(60));
        assertThat(r.named(Deployment.class, "windbell-ingest").getSpec().getReplicas()).as("the HPA owns replicas")
                .isNull();
        assertThat(r.named(HorizontalPodAutoscaler.class, "windbell-workorder").getSpec().getMaxReplicas())
                .as("workorder's own ceiling: the topics' partitions").isEqualTo(12);

        // journey turns off what the defaults turn on
        Deployment journey = r.named(Deployment.class, "windbell-journey");
        assertThat(journey.getSpec().getReplicas()).isEqualTo(1);
        assertThat(journey.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).isNullOrEmpty();
        assertThat(r.components(PodDisruptionBudget.class)).containsExactly("ingest", "scoring", "workorder");
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowOnlyTheListedPeers() throws Exception {
        Rendered r = Rendered.of("values/network-policies.yaml");
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class);

        NetworkPolicy deny = r.named(NetworkPolicy.class, "windbell-default-deny-ingress");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance",
                "windbell");

        NetworkPolicy egress = r.named(NetworkPolicy.class, "windbell-egress");
        assertThat(egress.getSpec().getPolicyTypes()).containsExactly("Egress");
        Set<String> egressPorts = egress.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                .map(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).collect(Collectors.toSet());
        // the suite's own HTTP ports: ingest's 8080, journey's 8082, survey's 8083
        assertThat(egressPorts).contains("UDP/53", "TCP/53", "TCP/9093", "TCP/5432", "TCP/8080", "TCP/8082", "TCP/8083",
                "TCP/4317");
        assertThat(egress.getSpec().getEgress())
                .allSatisfy(rule -> assertThat(rule.getTo()).as("egress to anywhere").isNotEmpty());

        // every service (survey's public pages too: they come through the gateway): only from the gateway (and the
        // extra monitoring rule), survey also from notification (it fetches each invitation's link); the gateway: from
        // the ingress controller only
        for (String service : List.of("ingest", "journey", "survey", "scoring", "workorder", "notification")) {
            NetworkPolicy policy = r.named(NetworkPolicy.class, "windbell-" + service + "-ingress");
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry(COMPONENT, service);
            NetworkPolicyIngressRule fromCallers = policy.getSpec().getIngress().get(0);
            assertThat(fromCallers.getFrom()).as(service).allSatisfy(peer -> {
                assertThat(peer.getNamespaceSelector()).as(service + ": the ingress controller").isNull();
                assertThat(peer.getPodSelector().getMatchLabels()).containsKey(COMPONENT);
            });
            assertThat(fromCallers.getFrom()).as(service)
                    .extracting(peer -> peer.getPodSelector().getMatchLabels().get(COMPONENT))
                    .containsExactlyElementsOf(
                            service.equals("survey") ? List.of("gateway", "notification") : List.of("gateway"));
        }
        NetworkPolicy gateway = r.named(NetworkPolicy.class, "windbell-gateway-ingress");
        assertThat(gateway.getSpec().getIngress().get(0).getFrom()).singleElement()
                .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));

        // no rule anywhere lets every source in: each has at least one peer
        assertThat(policies.stream()
                .flatMap(p -> Objects.requireNonNullElse(p.getSpec().getIngress(), List.<NetworkPolicyIngressRule> of())
                        .stream())).allSatisfy(
                                rule -> assertThat(rule.getFrom()).as("ingress from anywhere").isNotEmpty());
    }

    @Test
    void allServicesAndTheGatewayIngress() throws Exception {
        Rendered r = Rendered.of("values/all-services.yaml");
        assertThat(r.enabled()).containsExactly("gateway", "ingest", "journey", "notification", "scoring", "survey",
                "workorder");
        assertThat(r.all(Deployment.class))
                .extracting(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .doesNotHaveDuplicates()
                .allSatisfy(image -> assertThat(image).startsWith("registry.example.com/windbell/"));
        // each service its own database
        assertThat(r.all(ConfigMap.class)).extracting(cm -> cm.getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .filteredOn(Objects::nonNull).hasSize(6).doesNotHaveDuplicates();

        assertThat(r.all(Ingress.class)).singleElement().satisfies(ingress -> {
            assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
            assertThat(ingress.getSpec().getTls()).singleElement()
                    .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("windbell-gateway-tls"));
            assertThat(
                    ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                            .isEqualTo("windbell-gateway");
        });
        assertThat(r.named(Deployment.class, "windbell-gateway").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void operatorOverridesReachTheManifests() throws Exception {
        Rendered r = Rendered.of("values/overrides.yaml");
        Deployment ingest = r.named(Deployment.class, "cx-ingest");
        PodSpec pod = ingest.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);

        assertThat(c.getImage()).isEqualTo(
                "registry.bank.example/cx/windbell/ingest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(r.named(Deployment.class, "cx-scoring").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage()).isEqualTo("registry.bank.example/cx/windbell/scoring:0.1.2");
        assertThat(pod.getServiceAccountName()).isEqualTo("cx-ingest");
        assertThat(r.components(ServiceAccount.class)).as("ingest uses an existing one").containsExactly("journey",
                "scoring", "workorder");
        assertThat(pod.getImagePullSecrets()).singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("registry-pull"));
        assertThat(ingest.getMetadata().getLabels()).containsEntry("bank.example/cost-centre", "cx-platform");
        assertThat(c.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("QUARKUS_OIDC_CREDENTIALS_SECRET");
            assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("oidc-client-secret");
        });
        assertThat(c.getEnv()).anySatisfy(env -> assertThat(env.getValue())
                .isEqualTo("-XX:MaxRAMPercentage=70 -Djava.io.tmpdir=/tmp -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC"));

        assertThat(r.named(ConfigMap.class, "cx-ingest").getData())
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://pg-cx-rw.databases.svc:5432/ingest?sslmode=verify-full")
                .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability.svc:4317")
                .containsEntry("WINDBELL_INGEST_LIMITS_BATCH_EVENTS", "250")
                .doesNotContainKey("QUARKUS_OTEL_SDK_DISABLED");
        assertThat(r.named(ConfigMap.class, "cx-scoring").getData()).containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL",
                "postgresql://pg-cx-rw.databases.svc:5432/scoring_v1?sslmode=verify-full");
    }

    /** The unknown-field check itself: a field that Kubernetes does not know, and a kind it does not know. */
    @Test
    void typedParsingRejectsUnknownFieldsAndKinds() {
        String misspelled = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicaz: 2
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x
                          securityContext: {readOnlyRootFileSystem: true}
                """;
        assertThatThrownBy(() -> WindbellChart.parse(misspelled))
                .hasMessageContaining("Deployment/x.spec: unknown field(s) [replicaz]")
                .hasMessageContaining("securityContext: unknown field(s) [readOnlyRootFileSystem]");
        assertThatThrownBy(() -> WindbellChart.parse("apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: g}\n"))
                .hasMessageContaining("Gadget/g: not a known Kubernetes type");
    }

    /** Health is on the management interface: the probes read it there, the public port has only UP/DOWN. */
    private static void assertHealthProbe(Probe probe, String path, String at) {
        assertThat(probe).as(at + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(at).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(at).isEqualTo("management");
    }

    /**
     * The management port (detailed health: check names, counters, the last error) is for the kubelet's probes only: no
     * Service port leads to it and no NetworkPolicy lets another pod or the ingress controller in.
     */
    private static void assertManagementOnlyForTheProbes(Rendered r, Deployment d, Container c, String at) {
        int management = port(c, "management").getContainerPort();
        assertThat(management).as(at).isNotEqualTo(port(c, "http").getContainerPort());
        for (Service service : r.all(Service.class)) {
            assertThat(service.getSpec().getPorts()).as(at + ": " + service.getMetadata().getName())
                    .allSatisfy(p -> assertThat(String.valueOf(p.getTargetPort().getValue())).isNotIn("management",
                            String.valueOf(management)));
        }
        for (NetworkPolicy policy : r.all(NetworkPolicy.class)) {
            if (policy.getSpec().getIngress() == null) {
                continue;
            }
            policy.getSpec().getIngress().stream().filter(rule -> rule.getPorts() != null)
                    .flatMap(rule -> rule.getPorts().stream())
                    .forEach(p -> assertThat(p.getPort() == null ? null : String.valueOf(p.getPort().getValue()))
                            .as(at + ": " + policy.getMetadata().getName())
                            .isNotIn("management", String.valueOf(management)));
        }
    }

    private static ContainerPort port(Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no port " + name));
    }

    private static void assertNotACredential(String name, String value, String at) {
        assertThat(name).as(at + ": a credential as plain value").doesNotContainPattern(CREDENTIAL_NAME);
        assertThat(Objects.toString(value, "")).as(at + " " + name + ": a password in a plain value")
                .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("passwd");
    }
}
