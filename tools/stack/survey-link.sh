#!/usr/bin/env bash
# Prints the link of a survey invitation that is still open, to try the hosted survey page:
#
#   tools/stack/survey-link.sh [--wait SECONDS]
#
# Reads cx.survey-events.v1 of the local broker (kafka/SurveyLink.java): the newest survey.invited
# that has neither been answered nor expired, preferring one the simulated customers (loadgen
# respond) have left alone. The event carries no link (ADR 0013): it is fetched from survey as the
# deliverer does, GET /v1/invitations/{id}/link with a token of the DEV-ONLY client
# survey-deliverer-dev, straight from survey (notification's service-to-service call: no gateway route); the link
# itself points at the public entry, the gateway's /s/{token} page when the gateway is in services.conf. With --wait, tries again every 5 s until one appears (first invitations
# come a minute or two after `make run`: a journey has to end, then the rule's delay).
# Exit status 3 when there is none. Uses the ports of `make run`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

wait_s=0
case ${1:-} in
  '') ;;
  --wait) [[ ${2:-} =~ ^[0-9]+$ ]] || usage; wait_s=$2 ;;
  *) usage ;;
esac
ensure_java
[[ -f $KAFKA_LIBS/.complete ]] || die "no Kafka jars in $KAFKA_LIBS: run \`make run\` first"
[[ -f $KAFKA_DIR/tools-log4j2.properties ]] || kafka_write_config
port=$(services_list survey | awk '{ print $2 }')
[[ -n $port ]] || die "survey is not in $SERVICES_FILE"

# older than this, an invitation has been decided on by loadgen respond (its delays are at most a few seconds)
min_age=${WINDBELL_SURVEY_LINK_MIN_AGE:-15}
deadline=$((SECONDS + wait_s))
while :; do
  rc=0
  line=$(KAFKA_TOOL_TIMEOUT=90 kafka_tool "$STACK_DIR/kafka/SurveyLink.java" "$KAFKA_URL" cx.survey-events.v1 "$min_age") || rc=$?
  if ((rc == 0)) && [[ -n $line ]]; then
    read -r invitation age <<<"$line"
    bearer=$(client_token "$SURVEY_DELIVERER_CLIENT" "$SURVEY_DELIVERER_SECRET") ||
      die "keycloak: no token for client $SURVEY_DELIVERER_CLIENT (is \`make run\` up?)"
    # the answer holds a credential: read it into a variable, never into a file or a log
    link=$(curl -sS --max-time 10 -H "Authorization: Bearer $bearer" \
      "http://$BIND_HOST:$port/v1/invitations/$invitation/link" |
      python3 -c 'import json, sys; print(json.load(sys.stdin).get("linkUrl", ""))' 2>/dev/null) || link=
    if [[ -n $link ]]; then
      echo "$link"
      # the respondent API beside the page, where the link points (the gateway's public /v1/s/..., or survey itself)
      echo "  (invitation $invitation, sent ${age}s ago; JSON: ${link%%/s/*}/v1/s/${link##*/s/})" >&2
      exit 0
    fi
    # answered or expired since it was read from the topic (survey gives out no link then): look again
    rc=3
  fi
  ((rc == 3)) || die "could not read cx.survey-events.v1 on $KAFKA_URL (exit $rc)"
  ((SECONDS < deadline)) || break
  sleep 5
done
echo "no open survey invitation on cx.survey-events.v1 yet" >&2
exit 3
