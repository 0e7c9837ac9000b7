package io.windbell.loadgen.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Samples the machine's CPU and the CPU ticks and RSS of some processes once a second into a file, one JSON line each
 * ({@code {"t": epoch s, "busy": ticks, "total": ticks, "procs": [[ticks, rssKb] | [null, null], ...]}}), written and
 * flushed a whole line at a time so that the file stays complete however the JVM ends; the first line is written at
 * once, whenever sampling is stopped. Replaces bench.py's {@code cmd_sample}; {@link ResourceSummary} reads what it
 * writes.
 */
final class Sampler implements AutoCloseable {

    private final ProcStat proc;
    private final Path out;
    private final List<Long> pids;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);

    private Sampler(ProcStat proc, Path out, List<Long> pids) {
        this.proc = proc;
        this.out = out;
        this.pids = List.copyOf(pids);
        this.thread = Thread.ofPlatform().daemon().name("bench-sampler").unstarted(this::loop);
    }

    /** Starts sampling in a daemon thread (the file is created at once). */
    static Sampler start(ProcStat proc, Path out, List<Long> pids) throws IOException {
        Files.write(out, new byte[0]);
        Sampler sampler = new Sampler(proc, out, pids);
        sampler.thread.start();
        return sampler;
    }

    /** {@code bench sample OUT PID...}: samples in this thread until the JVM is ended (SIGTERM). */
    static void runForever(ProcStat proc, Path out, List<Long> pids) throws IOException, InterruptedException {
        Sampler sampler = new Sampler(proc, out, pids);
        try (OutputStream stream = new FileOutputStream(out.toFile())) {
            sampler.sampleUntilStopped(stream);
        }
    }

    private void loop() {
        try (OutputStream stream = new FileOutputStream(out.toFile())) {
            sampleUntilStopped(stream);
        } catch (IOException e) {
            System.err.println("bench sampler: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleUntilStopped(OutputStream stream) throws IOException, InterruptedException {
        do {
            stream.write((row() + "\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } while (!stop.await(1, TimeUnit.SECONDS));
    }

    /** One sample line (without its newline). */
    String row() throws IOException {
        ProcStat.MachineSample machine = proc.machine();
        Instant now = Instant.now();
        ObjectNode row = PyJson.object();
        row.put("t", now.getEpochSecond() + now.getNano() / 1e9);
        row.put("busy", machine.busy());
        row.put("total", machine.total());
        ArrayNode procs = row.putArray("procs");
        for (long pid : pids) {
            ProcStat.ProcSample s = proc.sample(pid);
            procs.addArray().add(s.ticks()).add(s.rssKb());
        }
        return PyJson.dumps(row);
    }

    /** Stops sampling and waits for the thread (the last line is complete). */
    @Override
    public void close() throws InterruptedException {
        stop.countDown();
        thread.join();
    }
}
