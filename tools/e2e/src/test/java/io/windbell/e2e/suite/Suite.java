package io.windbell.e2e.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.windbell.testing.FreePorts;
import io.windbell.testing.KeycloakServer;
import io.windbell.testing.TestInfrastructure;

/**
 * The whole suite, started once per test JVM and shared by every test class: embedded PostgreSQL (a database per
 * service) and the in-JVM Kafka broker ({@link TestInfrastructure}), a real Keycloak with the stack's realm
 * ({@link KeycloakServer}), GreenMail as notification's SMTP server, then every service and the gateway as processes
 * from their {@code target/quarkus-app/quarkus-run.jar}, with the environment {@code tools/stack/lib.sh}'s
 * {@code service_env} and {@code service_own_env} give them. Logs: {@code tools/e2e/target/suite-logs/<name>.log}.
 * Everything stops when the JVM exits.
 * <p>
 * The gateway gets three routes of its own besides the real ones, for the failure tests: {@value #DOWN_ROUTE} (an
 * upstream where nothing listens), {@value #LIMITED_ROUTE} (ingest again, with a rate limit of one request per second
 * after a burst of {@value #LIMITED_BURST}) and {@value #SLOW_ROUTE} (a healthy upstream that never answers, with a
 * timeout of one second).
 */
public final class Suite {

    /** The services, in tools/stack/services.conf's order; each has a database of the same name. */
    public static final List<String> SERVICES = List.of("ingest", "journey", "survey", "scoring", "workorder",
            "notification");
    public static final String GATEWAY = "gateway";
    public static final String DOWN_ROUTE = "down";
    public static final String LIMITED_ROUTE = "limited";
    public static final String SLOW_ROUTE = "slow";
    public static final int LIMITED_BURST = 3;

    private static final Duration SERVICE_TIMEOUT = Duration
            .ofSeconds(Long.getLong("windbell.e2e.service-timeout-seconds", 180));
    /** Small heaps and a quick JIT: seven JVMs share two cores with Keycloak, PostgreSQL and Kafka. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k");
    private static final long T0 = System.nanoTime();
    private static Suite instance;

    private final Path root;
    private final Path logs;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private TestInfrastructure infra;
    private KeycloakServer keycloak;
    private KeycloakServer.RealmKey realmKey;
    private ServiceProcess gateway;
    private GreenMail mail;
    private SlowUpstream slow;

    private Suite(Path root) {
        this.root = root;
        this.logs = root.resolve("tools/e2e/target/suite-logs");
    }

    /** The running suite, started on first use. */
    public static synchronized Suite get() {
        if (instance == null) {
            Suite suite = new Suite(repositoryRoot());
            Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "windbell-e2e-shutdown"));
            suite.start();
            instance = suite;
        }
        return instance;
    }

    /** The gateway's public URL: what every end-to-end test talks to. */
    public String gatewayUrl() {
        return gateway.url();
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    /** A service's own URL, for the tests that show the service checks tokens itself (defence in depth). */
    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in the suite: " + services.keySet());
        }
        return service;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** A key of the realm whose private half the tests hold (see {@link KeycloakServer#testSigningKey()}). */
    public KeycloakServer.RealmKey realmKey() {
        return realmKey;
    }

    /** Milliseconds each part took to become ready, in start order, and {@code total}. */
    public Map<String, Long> timings() {
        return Map.copyOf(timings);
    }

    // ------------------------------------------------------------------------------------------------------------

    private void start() {
        Map<String, Path> jars = jars();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say("starting the suite: PostgreSQL, Kafka, Keycloak, GreenMail, " + String.join(", ", SERVICES) + ", gateway"
                + " (logs: " + logs + ")");
        // Keycloak is the slow part: it starts while PostgreSQL and Kafka do
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            KeycloakServer server = KeycloakServer.get();
            timings.put("keycloak", millisSince(t));
            return server;
        });
        long t = System.nanoTime();
        infra = TestInfrastructure.get();
        SERVICES.forEach(infra::database);
        timings.put("postgresql+kafka", millisSince(t));

        t = System.nanoTime();
        mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        timings.put("greenmail", millisSince(t));
        slow = new SlowUpstream(FreePorts.next());

        keycloak = join(keycloakStart);
        // before the services start: they read the realm's JWKS once, at their start
        realmKey = keycloak.testSigningKey();

        Map<String, ServiceProcess> all = new LinkedHashMap<>();
        for (String name : SERVICES) {
            all.put(name, new ServiceProcess(name, FreePorts.next(), FreePorts.next(), logs.resolve(name + ".log")));
        }
        services.putAll(all);
        gateway = new ServiceProcess(GATEWAY, FreePorts.next(), FreePorts.next(), logs.resolve(GATEWAY + ".log"));

        long servicesStart = System.nanoTime();
        say("starting " + String.join(", ", SERVICES) + " and the gateway");
        for (ServiceProcess service : services.values()) {
            service.start(jars.get(service.name()), serviceEnv(service), jvmOptions(service.name(), List.of()));
        }
        gateway.start(jars.get(GATEWAY), gatewayEnv(), jvmOptions(GATEWAY, gatewayRoutes()));

        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            readiness.add(CompletableFuture.runAsync(() -> {
                service.awaitReady(servicesStart, SERVICE_TIMEOUT);
                say(service.name() + " ready on " + service.url() + " (" + service.readyMillis() + " ms)");
            }));
        }
        readiness.forEach(Suite::join);
        awaitGateway(servicesStart);
        services.values().forEach(s -> timings.put(s.name(), s.readyMillis()));
        timings.put("services+gateway", millisSince(servicesStart));
        timings.put("total", millisSince(T0));
        report();
    }

    private void awaitGateway(long servicesStart) {
        // the extra "down" route keeps the gateway's readiness DOWN by design: ready here means live, and every
        // real route serving its service's OpenAPI document through it
        gateway.awaitReady(servicesStart, SERVICE_TIMEOUT,
                () -> ServiceProcess.answers200(gateway.managementUrl() + "/q/health/live") && SERVICES.stream()
                        .allMatch(s -> ServiceProcess.answers200(gateway.url() + "/api/" + s + "/q/openapi")));
        say("gateway ready on " + gateway.url() + " (" + gateway.readyMillis() + " ms)");
        timings.put(GATEWAY, gateway.readyMillis());
    }

    private Map<String, String> serviceEnv(ServiceProcess service) {
        String name = service.name();
        Map<String, String> env = commonEnv(service);
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.pgUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.pgPassword());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl(name));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(name));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        switch (name) {
        case "survey" -> {
            env.put("WINDBELL_SURVEY_INVITATIONS_TOKEN_KEY", randomKey());
            // the links point at the gateway, which serves /s/** without login
            env.put("WINDBELL_SURVEY_INVITATIONS_PUBLIC_BASE_URL", gateway.url());
        }
        case "workorder" ->
                // not in lib.sh (make run has scoring on its default port 8084): the suite's scoring is elsewhere
                env.put("WINDBELL_WORKORDER_SCORING_URL", services.get("scoring").url());
        case "notification" -> {
            // e-mail to the suite's GreenMail: a real SMTP server, nothing mocked
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
            env.put("QUARKUS_MAILER_FROM", "windbell-notification@windbell.example");
            env.put("QUARKUS_MAILER_MOCK", "false");
            env.put("WINDBELL_NOTIFICATION_STREAM_TICKET_KEY", randomKey());
            env.put("WINDBELL_NOTIFICATION_ENDPOINTS_SECRET_KEY", randomKey());
            env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", keycloak.issuer());
            env.put("QUARKUS_OIDC_CLIENT_CLIENT_ID", "windbell-notification");
            env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET",
                    KeycloakServer.CLIENT_SECRETS.get("windbell-notification"));
            env.put("WINDBELL_NOTIFICATION_INVITATIONS_SURVEY_URL", services.get("survey").url());
            // no channel adapters (app push, SMS): customer invitations are not under test here
        }
        default -> {
        }
        }
        return env;
    }

    private Map<String, String> gatewayEnv() {
        return commonEnv(gateway);
    }

    /** lib.sh's service_env: ports, the issuer, and WINDBELL_<NAME>_URL of every service. */
    private Map<String, String> commonEnv(ServiceProcess process) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(process.port()));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(process.managementPort()));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        services.values().forEach(s -> env.put("WINDBELL_" + s.name().toUpperCase() + "_URL", s.url()));
        return env;
    }

    /** The gateway's test routes (not secrets: on the command line). */
    private List<String> gatewayRoutes() {
        String routes = "-Dwindbell.gateway.routes.";
        return List.of(routes + DOWN_ROUTE + ".upstreams=http://127.0.0.1:" + FreePorts.next(),
                routes + DOWN_ROUTE + ".roles=cx-admin", routes + DOWN_ROUTE + ".openapi=false",
                routes + LIMITED_ROUTE + ".upstreams=" + service("ingest").url(),
                routes + LIMITED_ROUTE + ".roles=channel-app,cx-admin,cx-analyst",
                routes + LIMITED_ROUTE + ".openapi=false", routes + LIMITED_ROUTE + ".rate-limit.per-second=1",
                routes + LIMITED_ROUTE + ".rate-limit.burst=" + LIMITED_BURST,
                routes + SLOW_ROUTE + ".upstreams=" + slow.url(), routes + SLOW_ROUTE + ".roles=cx-admin",
                routes + SLOW_ROUTE + ".openapi=false", routes + SLOW_ROUTE + ".timeout=1s");
    }

    private List<String> jvmOptions(String name, List<String> extra) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        // marks the process as the suite's (ps, a leftover after a killed run)
        options.add("-Dwindbell.e2e.suite=" + name);
        options.addAll(extra);
        return options;
    }

    /** Every jar must exist before anything starts: a clear message instead of a half-started suite. */
    private Map<String, Path> jars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : Stream.concat(SERVICES.stream(), Stream.of(GATEWAY)).toList()) {
            Path jar = root.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
            jars.put(name, jar);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the end-to-end suite starts the packaged applications, and these jars do "
                    + "not exist:\n  " + String.join("\n  ", missing)
                    + "\nbuild them first, e.g. ./mvnw -B -DskipTests -pl tools/e2e -am package (make test builds them "
                    + "in the same reactor run)");
        }
        return jars;
    }

    private void report() {
        StringBuilder text = new StringBuilder("suite ready at " + Instant.now() + "; milliseconds to ready:\n");
        timings.forEach((part, millis) -> text.append(String.format("  %-18s %7d%n", part, millis)));
        say(text.toString().stripTrailing());
        try {
            Files.writeString(logs.resolve("timings.txt"), text);
        } catch (IOException e) {
            say("could not write timings.txt: " + e.getMessage());
        }
    }

    private void stop() {
        long t = System.nanoTime();
        if (gateway != null) {
            gateway.stop(Duration.ofSeconds(10));
        }
        services.values().parallelStream().forEach(s -> s.stop(Duration.ofSeconds(15)));
        if (mail != null) {
            mail.stop();
        }
        if (slow != null) {
            slow.stop();
        }
        say("suite stopped in " + millisSince(t) + " ms (Keycloak, PostgreSQL and Kafka stop by their own hooks); "
                + "the JVM ran " + millisSince(T0) / 1000 + " s");
    }

    /** The repository: {@code windbell.repository.root} (the build sets it), else upwards from here. */
    static Path repositoryRoot() {
        String configured = System.getProperty("windbell.repository.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "services"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root (a directory with services/ and pom.xml) above " + Path.of("").toAbsolutePath());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static void say(String message) {
        System.out.printf("[e2e %6.1fs] %s%n", (System.nanoTime() - T0) / 1e9, message);
    }
}
