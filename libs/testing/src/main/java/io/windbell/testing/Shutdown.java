package io.windbell.testing;

/** Stops what this module started when the test JVM exits: the servers are shared by every test class of it. */
final class Shutdown {

    private Shutdown() {
    }

    static void onExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is exiting: nothing left to tell
            }
        }, "windbell-testing-shutdown"));
    }
}
