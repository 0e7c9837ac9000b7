package io.windbell.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Keycloak of the end-to-end tests: the Maven Central distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}, a test dependency of the module that uses it) started once per test JVM
 * with {@code kc.sh start-dev --import-realm} and the stack's realm ({@code tools/stack/keycloak/windbell-realm.json}),
 * on a free loopback port, the way {@code tools/stack/lib.sh} ({@code keycloak_install}, {@code keycloak_start}) starts
 * it for {@code make run}.
 * <p>
 * The distribution is unpacked once into {@code ~/.cache/windbell/test-keycloak-<version>} (override:
 * {@code WINDBELL_CACHE_DIR}) and kept, because its first start builds the server (45-90 s) and later starts reuse that
 * build (~10-15 s). Every start drops the dev database so the realm file is imported as it is now. One test JVM at a
 * time uses the cached copy (a file lock; a second one waits). Output goes to {@code target/keycloak.log} of the
 * working directory; the process tree is ended when the JVM exits.
 * <p>
 * Where the zip is: system property {@code windbell.keycloak.dist} (the build sets it to the resolved artifact), else
 * the local Maven repository.
 */
public final class KeycloakServer {

    /** The Keycloak the realm and the stack are tested with ({@code KEYCLOAK_VERSION} in tools/stack/lib.sh). */
    public static final String VERSION = "26.4.0";
    public static final String REALM = "windbell";
    /** The DEV ONLY public client with the password grant (the realm's only client that allows it). */
    public static final String PASSWORD_GRANT_CLIENT = "windbell-dev-cli";
    /** Confidential clients of the realm and their well-known dev secrets. */
    public static final Map<String, String> CLIENT_SECRETS = Map.of("channel-app", "channel-app-secret", "cx-admin-cli",
            "cx-admin-secret", "cx-analyst-cli", "cx-analyst-secret", "survey-deliverer-dev",
            "survey-deliverer-dev-secret", "windbell-notification", "windbell-notification-dev-secret");

    private static final String LOG_PREFIX = "[windbell-testing] keycloak: ";
    private static final Duration START_TIMEOUT = Duration
            .ofSeconds(Long.getLong("windbell.keycloak.start-timeout-seconds", 300));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer instance;

    private final Process process;
    private final int port;
    private final long startMillis;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private RealmKey testKey;

    private KeycloakServer(Process process, int port, long startMillis) {
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
    }

    /** The shared server, started on first use. */
    public static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer, what a service's {@code QUARKUS_OIDC_AUTH_SERVER_URL} is. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** How long this JVM waited for the server to answer (unpacking included). */
    public long startMillis() {
        return startMillis;
    }

    /** An access token of a demo user by the password grant; the demo users' password is their user name. */
    public String userToken(String username) {
        return userToken(username, username);
    }

    public String userToken(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", PASSWORD_GRANT_CLIENT, "username", username,
                "password", password));
    }

    /** An access token of a confidential client by client credentials, e.g. {@code channel-app}. */
    public String clientToken(String clientId) {
        String secret = CLIENT_SECRETS.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException(
                    "no known secret for client " + clientId + ": " + CLIENT_SECRETS.keySet());
        }
        return clientToken(clientId, secret);
    }

    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The {@code kid} of the realm's RS256 signing key, as its JWKS publishes it. */
    public String signingKeyId() {
        JsonNode keys = getJson(issuer() + "/protocol/openid-connect/certs", null).path("keys");
        for (JsonNode key : keys) {
            if ("RS256".equals(key.path("alg").asText()) && "sig".equals(key.path("use").asText())) {
                return key.path("kid").asText();
            }
        }
        throw new IllegalStateException("the realm publishes no RS256 signing key: " + keys);
    }

    /**
     * An RSA key of the realm whose private half the test holds: what a token correct but for one claim is signed by.
     */
    public record RealmKey(String kid, PrivateKey privateKey) {
    }

    /**
     * Adds (once) a test RSA key to the realm through the admin API: active, but with a lower priority than the realm's
     * own key, so Keycloak keeps signing with its own while its JWKS publishes both. A service trusts it like any realm
     * key, so a token signed by it and right in every claim is accepted, and one wrong in a single claim (expiry,
     * audience, issuer) shows that exactly that claim is checked. Add it before the services start: they read the JWKS
     * once at their start.
     */
    public synchronized RealmKey testSigningKey() {
        if (testKey != null) {
            return testKey;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String admin = token(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type",
                    "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            String realmId = getJson(baseUrl() + "/admin/realms/" + REALM, admin).path("id").asText();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----";
            Map<String, Object> component = Map.of("name", "windbell-test-key", "providerId", "rsa", "providerType",
                    "org.keycloak.keys.KeyProvider", "parentId", realmId, "config",
                    Map.of("priority", List.of("1"), "enabled", List.of("true"), "active", List.of("true"), "algorithm",
                            List.of("RS256"), "keyUse", List.of("sig"), "privateKey", List.of(pem)));
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + "/components"))
                            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + admin)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(component))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "adding the test key answered " + created.statusCode() + ": " + created.body());
            }
            String modulus = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(unsigned(((RSAPublicKey) pair.getPublic()).getModulus().toByteArray()));
            for (JsonNode key : getJson(issuer() + "/protocol/openid-connect/certs", null).path("keys")) {
                if (modulus.equals(key.path("n").asText())) {
                    testKey = new RealmKey(key.path("kid").asText(), pair.getPrivate());
                    return testKey;
                }
            }
            throw new IllegalStateException("the realm's JWKS does not publish the test key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private String token(Map<String, String> form) {
        return token(tokenUrl(), form);
    }

    private String token(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("token request " + form.get("grant_type") + " for "
                        + form.getOrDefault("username", form.get("client_id")) + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(String url, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Starting and stopping
    // ------------------------------------------------------------------------------------------------------------

    private static KeycloakServer start() {
        long t0 = System.nanoTime();
        Path realm = realmFile();
        Path cache = cacheDir();
        Path home = cache.resolve("test-keycloak-" + VERSION);
        Path logDir = Path.of("target").toAbsolutePath();
        try {
            Files.createDirectories(cache);
            Files.createDirectories(logDir);
            holdLock(cache.resolve("test-keycloak-" + VERSION + ".lock"));
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                unpack(distribution(), home);
            }
            stopLeftover(home);
            // a fresh dev database: --import-realm skips a realm that exists, and the file may have changed
            deleteTree(home.resolve("data/h2"));
            deleteTree(home.resolve("data/tmp"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve("windbell-realm.json"), StandardCopyOption.REPLACE_EXISTING);

            int port = FreePorts.next();
            int managementPort = FreePorts.next();
            Path log = logDir.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-host", "127.0.0.1", "--http-port", Integer.toString(port),
                    "--http-management-port", Integer.toString(managementPort), "--hostname",
                    "http://127.0.0.1:" + port).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // kc.sh's default heap is a share of the machine's memory
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            System.out.printf(
                    "%sstarting %s on http://127.0.0.1:%d (log: %s; the first start builds the server, " + "45-90 s)%n",
                    LOG_PREFIX, home, port, log);
            Process process = builder.start();
            Files.writeString(home.resolve(".test-pid"), Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopTree(process), "windbell-keycloak-shutdown"));
            KeycloakServer server = new KeycloakServer(process, port, 0);
            server.awaitReady(t0, log);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("%sready on %s in %d ms%n", LOG_PREFIX, server.issuer(), millis);
            return new KeycloakServer(process, port, millis);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    private void awaitReady(long t0, Path log) {
        String wellKnown = issuer() + "/.well-known/openid-configuration";
        long lastNote = System.nanoTime();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited with status " + process.exitValue() + " before it became ready\n" + tail(log));
            }
            if (answers200(wellKnown)) {
                return;
            }
            long now = System.nanoTime();
            if (now - t0 > START_TIMEOUT.toNanos()) {
                stopTree(process);
                throw new IllegalStateException("Keycloak did not become ready within " + START_TIMEOUT.toSeconds()
                        + " s (windbell.keycloak.start-timeout-seconds)\n" + tail(log));
            }
            if (now - lastNote > TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf("%sstill starting (%d s)%n", LOG_PREFIX, TimeUnit.NANOSECONDS.toSeconds(now - t0));
                lastNote = now;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean answers200(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM to the process and everything it started (kc.sh keeps java as a child), SIGKILL after 20 s. */
    static void stopTree(Process process) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** A server a killed test JVM left behind (its pid file names it, and its command line names this copy). */
    private static void stopLeftover(Path home) throws IOException {
        Path pidFile = home.resolve(".test-pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        leftover.filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
                .ifPresent(p -> {
                    System.out.printf("%sstopping a leftover Keycloak (pid %d) of an earlier test run%n", LOG_PREFIX,
                            p.pid());
                    Stream.concat(p.descendants(), Stream.of(p)).forEach(ProcessHandle::destroyForcibly);
                    p.onExit().join();
                });
        Files.delete(pidFile);
    }

    /** Held until the JVM exits: one test JVM at a time uses the cached copy. */
    @SuppressWarnings("resource") // released by the JVM's exit
    private static void holdLock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            System.out.printf("%sanother test JVM uses the cached Keycloak (%s): waiting for it%n", LOG_PREFIX,
                    lockFile);
            channel.lock();
        }
    }

    private static Path distribution() {
        String configured = System.getProperty("windbell.keycloak.dist");
        Path zip = configured != null && !configured.isBlank() && !configured.startsWith("${") ? Path.of(configured)
                : Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"),
                        "org/keycloak/keycloak-quarkus-dist", VERSION, "keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the Keycloak distribution " + zip + " does not exist: declare "
                    + "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip as a test dependency and pass its path "
                    + "as -Dwindbell.keycloak.dist (tools/e2e/pom.xml shows how)");
        }
        return zip;
    }

    private static void unpack(Path zip, Path home) throws IOException {
        long t0 = System.nanoTime();
        System.out.printf("%sunpacking %s into %s%n", LOG_PREFIX, zip, home);
        Path tmp = home.resolveSibling(home.getFileName() + ".tmp");
        deleteTree(tmp);
        deleteTree(home);
        Files.createDirectories(tmp);
        String top = "keycloak-" + VERSION + "/";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                String name = entry.getName().startsWith(top) ? entry.getName().substring(top.length())
                        : entry.getName();
                Path target = tmp.resolve(name).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // the zip's unix modes are not kept by java.util.zip: the launch scripts must be executable
        try (Stream<Path> scripts = Files.list(tmp.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%sunpacked in %d ms%n", LOG_PREFIX, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The stack's realm file, found from the working directory (a module of the repository) upwards. */
    static Path realmFile() {
        String configured = System.getProperty("windbell.keycloak.realm");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/stack/keycloak/windbell-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/stack/keycloak/windbell-realm.json not found above "
                + Path.of("").toAbsolutePath() + " (or set -Dwindbell.keycloak.realm)");
    }

    private static Path cacheDir() {
        String env = System.getenv("WINDBELL_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : System.getProperty("user.home") + "/.cache", "windbell");
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "----- last lines of " + log + " -----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
