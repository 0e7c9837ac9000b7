package io.windbell.e2e.suite;

/**
 * Starts the end-to-end suite by hand and keeps it running until Ctrl-C, for poking at it with curl; prints the URLs.
 * Run from tools/e2e with the test classpath, e.g. {@code java -cp "target/test-classes:$(cat target/cp.txt)"
 * -Dwindbell.repository.root=../.. io.windbell.e2e.suite.SuiteMain} after
 * {@code ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -pl tools/e2e}.
 */
public final class SuiteMain {

    private SuiteMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Suite suite = Suite.get();
        Suite.say("gateway " + suite.gatewayUrl() + ", keycloak " + suite.keycloak().issuer());
        for (String name : Suite.SERVICES) {
            Suite.say(name + " " + suite.service(name).url() + " (management " + suite.service(name).managementUrl()
                    + ")");
        }
        Thread.currentThread().join();
    }
}
