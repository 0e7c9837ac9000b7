package io.windbell.e2e.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One Windbell application started as a process from its {@code quarkus-run.jar}, the way {@code tools/stack/lib.sh}'s
 * {@code service_start} does: its own HTTP and management ports on the loopback interface, its settings in the
 * environment (never on the command line, which every local user can read), its output in
 * {@code target/suite-logs/<name>.log}.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private Process process;
    private long readyMillis;

    ServiceProcess(String name, int port, int managementPort, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>}: the public interface. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<management port>}: {@code /q/health/*}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path log() {
        return log;
    }

    /** Milliseconds from this process's start to its readiness. */
    public long readyMillis() {
        return readyMillis;
    }

    /** Starts {@code java <jvmOptions> -jar <jar>} with {@code env} added to this JVM's environment. */
    void start(Path jar, Map<String, String> env, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + jar + ")", e);
        }
    }

    /** Waits until {@code /q/health/ready} on the management port answers 200; fails at once when the process dies. */
    void awaitReady(long startNanos, Duration timeout) {
        awaitReady(startNanos, timeout, () -> answers200(managementUrl() + "/q/health/ready"));
    }

    /** Waits until {@code ready} holds; fails at once when the process dies, with the log's tail. */
    void awaitReady(long startNanos, Duration timeout, BooleanSupplier ready) {
        long lastNote = System.nanoTime();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with status " + process.exitValue() + " before it became ready\n" + tail());
            }
            long now = System.nanoTime();
            if (now - startNanos > timeout.toNanos()) {
                throw new IllegalStateException(
                        name + " did not become ready within " + timeout.toSeconds() + " s\n" + tail());
            }
            if (now - lastNote > TimeUnit.SECONDS.toNanos(10)) {
                Suite.say("  ... still waiting for " + name + " (" + TimeUnit.NANOSECONDS.toSeconds(now - startNanos)
                        + " s)");
                lastNote = now;
            }
            sleep(100);
        }
        readyMillis = (System.nanoTime() - startNanos) / 1_000_000;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM to the process and its children, SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** The last 60 lines of the log, framed. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "----- last lines of " + log + " -----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n----- end of "
                    + log + " -----";
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static boolean answers200(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " on " + url();
    }
}
