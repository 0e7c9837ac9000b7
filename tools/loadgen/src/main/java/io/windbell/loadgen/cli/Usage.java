package io.windbell.loadgen.cli;

/** The {@code --help} text. */
public final class Usage {

    public static final String TEXT = """
            Windbell load generator and channel-traffic simulator for the ingest API and the touchpoint topic,
            and simulated customers answering survey invitations.

            usage: java -jar windbell-loadgen.jar <command> [--option value ...]

            commands
              max       closed loop at fixed concurrency, to find the maximum throughput
                          --kind single|batch   (required)   --batch-size 50   --connections 64
                          --duration 20s   --warmup 5s
              rate      open loop at a fixed request rate; latency counts from each request's intended
                        start, so queueing for a busy connection counts too (no coordinated omission)
                          --kind single|batch   (required)   --rate R (requests/s, required)
                          --batch-size 50   --connections 128   --duration 30s   --warmup 5s
                        the rate ramps up linearly over the first two thirds of the warmup, then holds
              simulate  realistic channel traffic: customers walk the catalog's journeys step by step,
                        fail at key nodes and retry, switch to branch, call centre or RM, or stop; abandon;
                        stall; start anonymous and log in on the way; some events come twice or late
                          --customers 2000   --rate 200 (events/s)   --duration 60s   --batch-size 1
                          --connections 32   --warmup 0s   --time-scale 60 (x real life)   --linger 200ms
                          and the traffic mix below
              payloads  write realistic events, one JSON per line, as ingest publishes them to Kafka
                        (for kafka-producer-perf-test --payload-file) and report their average size
                          --count 1000   --out FILE (required)   --customers 2000
              journeys  the same traffic as simulate, produced straight to Kafka (bypassing ingest) as
                        ingest publishes it: key customer id (else anonymous id), JSON value, ce_* headers
                          --bootstrap 127.0.0.1:19092 (this machine only)   --topic cx.touchpoint-events.v1
                          --rate 1000 (events/s, open loop)  or  --count N (as fast as possible)
                          --duration 60s (with --count: an upper bound, default 10m)
                          --warmup 0s (with --rate: sent first, left out of the measured rate; the
                                       rate is reached once the first journeys are under way, ~30s)
                          --drain 30s (how far behind schedule before giving up; ack timeout)
                          --customers 100000   --time-scale 60   --catalog builtin   and the traffic mix below
              respond   simulated customers answering surveys: reads survey.invited from the survey topic
                        (own consumer group, from the end of the topic on its first run); each invitation
                        is answered with --response-rate, 0..--max-delay after delivery: its link is fetched
                        as the deliverer would (GET /v1/invitations/{id}/link, needs a token with the role
                        survey-deliverer: --token-url/--client-id/--client-secret or --token; the event carries
                        no link), then the survey service's public API (GET /v1/s/{token},
                        POST /v1/s/{token}/responses);
                        worse scores after an interrupted journey or a failed touchpoint; follows showIf;
                        sometimes a comment in the invitation's language. Stops after --duration or on
                        Ctrl-C/SIGTERM; progress every 10 s.
                          --base-url http://127.0.0.1:8083 (the survey service)
                          --bootstrap 127.0.0.1:19092   --topic cx.survey-events.v1
                          --response-rate 0.6   --max-delay 3s   --group windbell-loadgen-respond
                          --duration 10m   --drain 10s (answers still scheduled at the end)   --timeout 10s

              journey-ends  journey.completed / journey.interrupted straight to cx.journey-events.v1 as the journey
                        service's outbox relay publishes them (key customer id, ce_* headers with source
                        /windbell/journey, traceparent): the survey service's load, one decision each. Summaries
                        of the seeded journeys: 3-8 visits, failures with error codes, key nodes, branch and
                        employee ids, products. A paced run also reads survey.invited from --survey-topic and
                        reports Kafka time of the journey event -> Kafka time of its invitation (p50/p99)
                          --bootstrap 127.0.0.1:19092   --topic cx.journey-events.v1
                          --count N (as fast as possible)  or  --rate 200 (journeys/s, open loop)
                          --duration 60s (with --count: an upper bound, default 10m)   --warmup 0s
                          --drain 30s (paced: how long to wait for the last invitations)
                          --customers N (distinct customers, default: as many as journeys)
                          --first-customer 0 (index of the first customer, C00000001 = 0)
                          --interrupted-share 0.3   --survey-topic cx.survey-events.v1

              scoring-events  the scoring service's load straight to the broker. Counted: the history of the last
                        --days days as fast as the producer takes it: --touchpoints N touchpoint.recorded as ingest
                        publishes them (the simulator's journeys and traffic mix below, customerTier/homeBranchId
                        of logged-in customers), then --responses M survey.responded as survey's outbox relay
                        publishes them (anchor NPS/CSAT/CES by the seeded survey rules, ~30% detractors, 1-4
                        touchpoint factors, a journey summary, sometimes a comment), both spread evenly over the days.
                        Paced (--rate R responses/s, open loop): answers as they happen, alert.low-score read back
                        from --alerts-topic: Kafka time of a low score (NPS <= 6, CSAT <= 2, CES >= 5) -> of its alert
                          --bootstrap 127.0.0.1:19092   --touchpoints N   --responses M   --days 120
                          or --rate 200   --warmup 0s   --duration 60s (counted: an upper bound, default 1h)
                          --drain 30s (paced: how long to wait for the last alerts)   --customers 100000
                          --interrupted-share 0.3   --touchpoint-topic cx.touchpoint-events.v1
                          --survey-topic cx.survey-events.v1   --alerts-topic cx.experience-alerts.v1

              workorder-alerts  the workorder service's load straight to the broker: alert.low-score as scoring's
                        outbox relay publishes them (the low scores among scoring-events' answers: journey summary,
                        failing touchpoints, comment, tier and severity, branch B001..B020), each about another
                        customer, open loop at --rate; workorder.created read back from --workorder-topic and matched
                        by workOrder.sourceAlertId: receive time - send time on this machine's clock
                          --bootstrap 127.0.0.1:19092   --rate 100 (alerts/s)   --count 3000 (measured)
                          --warmup-count 200 (sent first, not measured)   --answer-timeout 30s (later = unanswered)
                          --first-customer 0 (index of the first customer, C00000001 = 0: start past an earlier
                                              run's customers against the same database)   --drain 30s
                          --alerts-topic cx.experience-alerts.v1   --workorder-topic cx.workorder-events.v1

              notification-push  notification's push latency with many streams held: opens --streams SSE streams
                        (GET /v1/employees/E-bench-NNNNN/stream, bearer tokens signed with --signing-key), then
                        publishes workorder.created as workorder's relay does, each assigned to a random connected
                        employee, open loop at --rate; inbox-item matched by workOrderId: receive - send time
                          --base-url http://127.0.0.1:8086   --bootstrap 127.0.0.1:19092   --streams 10000
                          --connect-rate 500 (streams/s)   --rate 50 (events/s)   --count 3000 (measured)
                          --warmup-count 200   --answer-timeout 10s   --settle 5s (idle before the RSS with streams)
                          --signing-key key.pem (PKCS#8 RSA; notification trusts its public half)
                          --issuer windbell-bench   --audience windbell-api   --event-loops 2
                          --service-pid PID (notification's RSS before and with the streams)   --drain 30s

            traffic mix of simulate, journeys and scoring-events (shares between 0 and 1)
              --fail-share 0.15      journeys that fail at a key node (FAILURE with an error code), of which
              --retry-share 0.45       retry on the same channel and succeed,
              --switch-share 0.35      go on in a branch, the call centre or with the RM; the rest stop
              --abandon-share 0.07   journeys that end with ABANDONED
              --stall-share 0.07     journeys that stop after a key node
              --anonymous-share 0.30 of journeys starting on app/web/WeChat: start anonymous, log in on the way
              --duplicate-share 0.01 events sent twice (same eventId)
              --reorder-share 0.02   events sent after the customer's next one (within 3 s)

            common options
              --base-url URL        ingest service (respond: survey service), http://localhost or
                                    http://127.0.0.1 only (default http://127.0.0.1:8081; respond :8083)
              --token T             bearer token, or client credentials:
              --token-url URL --client-id ID --client-secret S
                                    (refreshed before the token expires)
              --seed N              makes the simulated traffic repeatable (default: random, printed)
              --catalog api|builtin|auto|FILE
                                    touchpoint catalog: from GET /v1/catalog/touchpoints (default; auto
                                    falls back to the built-in copy, the default for payloads), the
                                    built-in copy of ingest's seeded catalog (default for journeys), or a
                                    JSON file in the API's page shape

            options of max, rate and simulate
              --timeout 10s         per-request idle timeout
              --drain 10s           how long to wait for answers after the last request was due
              --max-requests N      hard cap on requests (default 100000000)

            durations: 500ms, 20s, 2m, 1h (a bare number means seconds)

            output: progress once a second on stderr; one JSON line on stdout at the end:
              {"command","kind","targetRate","requests","events","durationS","requestsPerS","eventsPerS",
               "status":{"202":n,...},"errors","latencyMs":{"p50","p90","p99","p999","max"},...}
              Only requests started after the warmup count; events are those in requests answered 2xx;
              errors are requests answered otherwise or not at all (ioErrors).
              journeys: {"command":"journeys","mode":"rate|count","sent","records" (acknowledged),
               "uniqueEvents","duplicates","late","errors","unsent","durationS","eventsPerS" (after the
               warmup),"allEventsPerS","ackMs":{...},"behindScheduleMs":{...},"journeys":{...}}
              journey-ends: {"command":"journey-ends","mode","sent","records" (acknowledged),"errors",
               "eventsPerS","ackMs":{...},"journeys":{"completed","interrupted","reasons","byJourney"},
               paced: "behindScheduleMs","invitations":{"invited","matchedMeasured","latencyMs":{...}}}
              scoring-events: {"command":"scoring-events","mode","touchpoints":{"records","eventsPerS","from",
               "to",...},"responses":{"records","lowScores","lowScoreShare",...}}; paced: "records","eventsPerS",
               "behindScheduleMs","alerts":{"alerts","matchedMeasured","lowScoresMeasured","latencyMs":{...}}
              workorder-alerts: {"command":"workorder-alerts","sent","records","errors","eventsPerS",
               "behindScheduleMs":{...},"workOrders":{"measured","matched","unanswered","late",
               "latencyMs":{"p50","p90","p99","max"},"created",...}}
              notification-push: {"command":"notification-push","connectS","sent","records","errors","eventsPerS",
               "pushed":{"measured","matched","unanswered","late","latencyMs":{"p50","p90","p99","max"}},
               "streams":{"requested","ready","failed","closedEarly","inboxItems"},
               "memory":{"rssBeforeMb","rssWithStreamsMb","perStreamKb","rssEndMb"}}
              respond: {"command":"respond","invited","answered","skipped" (chose not to answer),
               "unfinished","errors","errorsByStatus":{"POST 410":n,...},"sentiments":{...},...}
              (respond prints progress every 10 s instead of every second)
            """;

    private Usage() {
    }
}
