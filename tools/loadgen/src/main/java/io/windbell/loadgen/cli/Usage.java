package io.windbell.loadgen.cli;

/** The {@code --help} text. */
public final class Usage {

    public static final String TEXT = """
            Windbell load generator and channel-traffic simulator for the ingest API.

            usage: java -jar windbell-loadgen.jar <command> [--option value ...]

            commands
              max       closed loop at fixed concurrency, to find the maximum throughput
                          --kind single|batch   (required)   --batch-size 50   --connections 64
                          --duration 20s   --warmup 5s
              rate      open loop at a fixed request rate; latency counts from each request's intended
                        start, so queueing for a busy connection counts too (no coordinated omission)
                          --kind single|batch   (required)   --rate R (requests/s, required)
                          --batch-size 50   --connections 128   --duration 30s   --warmup 5s
              simulate  realistic channel traffic: customers walk the catalog's journeys step by step,
                        fail, retry, abandon, stall, switch to branch or call centre, log in on the way
                          --customers 2000   --rate 200 (events/s)   --duration 60s   --batch-size 1
                          --connections 32   --warmup 0s   --time-scale 60 (x real life)   --linger 200ms
              payloads  write realistic events, one JSON per line, as ingest publishes them to Kafka
                        (for kafka-producer-perf-test --payload-file) and report their average size
                          --count 1000   --out FILE (required)   --customers 2000

            common options
              --base-url URL        ingest service, http://localhost or http://127.0.0.1 only
                                    (default http://127.0.0.1:8081)
              --token T             bearer token, or client credentials:
              --token-url URL --client-id ID --client-secret S
                                    (refreshed before the token expires)
              --seed N              makes the simulated traffic repeatable (default: random, printed)
              --catalog api|builtin|auto|FILE
                                    touchpoint catalog: from GET /v1/catalog/touchpoints (default; auto
                                    falls back to the built-in sample, the default for payloads), the
                                    built-in sample, or a JSON file in the API's page shape

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
            """;

    private Usage() {
    }
}
