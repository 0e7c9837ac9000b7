package io.windbell.loadgen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A count from a database: the number a command prints on its last line (e.g. {@code psql -At -c "SELECT
 * count(*) ..."}), or empty while it fails (the table does not exist yet, the database restarts) or takes more than 10
 * s. Replaces bench.py's {@code db_count}.
 */
final class DbCountProbe implements Poller.Probe {

    private static final long TIMEOUT_S = 10;

    private final List<String> command;

    DbCountProbe(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command after --");
        }
        this.command = List.copyOf(command);
    }

    @Override
    public OptionalLong count() throws InterruptedException {
        Path out = null;
        Process process = null;
        try {
            out = Files.createTempFile("bench-db-count", ".out");
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return OptionalLong.empty();
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalLong.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    /** The integer on the last line of the output, or empty. */
    static OptionalLong parse(String output) {
        List<String> lines = output.strip().lines().toList();
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(lines.getLast().strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
