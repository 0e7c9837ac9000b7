package io.windbell.notification.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windbell.notification.support.NotificationTestResource;

/**
 * With the digest and re-notification enabled (the other tests switch them off and call their rounds themselves), the
 * service starts one sweep thread for each: the beans are found through {@link Swept}, none is dropped as unused.
 */
@QuarkusTest
@TestProfile(SweepsTest.Enabled.class)
@QuarkusTestResource(NotificationTestResource.class)
class SweepsTest {

    /** Both sweeps on, their first round an hour away (nothing runs during the test). */
    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windbell.notification.digest.enabled", "true", "windbell.notification.digest.interval",
                    "PT1H", "windbell.notification.renotify.enabled", "true", "windbell.notification.renotify.interval",
                    "PT1H");
        }
    }

    @Test
    void eachEnabledSweepHasItsThread() {
        Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(Collectors.toSet());
        assertThat(threads).contains("Digests", "Renotifier");
    }
}
