package io.windbell.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.security.TestSecurity;

/**
 * No input makes any operation of a service answer 5xx, and every 4xx is problem+json with a body: the
 * {@link HostileInputSweep} corpus goes to every parameter and body of the service's OpenAPI document, with an identity
 * that holds every Windbell role, so requests get past authorization to the code that parses them. A service's
 * {@code HostileInputTest} extends this with its {@code @QuarkusTest} resource; public operations are swept without an
 * identity by {@link #sweepAnonymously}.
 */
public abstract class EveryEndpointSurvivesHostileInput {

    /** At least this many operations must be found, or the sweep proves nothing. */
    protected abstract int minimumOperations();

    /** Operations the document does not list (hidden pages): swept with an identity too. */
    protected List<HostileInputSweep.Operation> hiddenOperations() {
        return List.of();
    }

    /** Whether an operation answers HTML pages, whose errors are pages too rather than problem+json. */
    protected boolean servesHtml(HostileInputSweep.Operation operation) {
        return false;
    }

    @Test
    @TestSecurity(user = "sweep", roles = { "cx-admin", "cx-analyst", "channel-app", "branch-manager" })
    void noHostileInputCausesAServerError() {
        List<HostileInputSweep.Operation> operations = new ArrayList<>(HostileInputSweep.operations(path -> true));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(minimumOperations());
        operations.addAll(hiddenOperations());
        assertThat(HostileInputSweep.offences(operations, this::servesHtml)).isEmpty();
    }

    /** For a service's public operations: the same sweep without any identity. */
    protected void sweepAnonymously(List<HostileInputSweep.Operation> operations) {
        assertThat(operations).isNotEmpty();
        assertThat(HostileInputSweep.offences(operations, this::servesHtml)).isEmpty();
    }
}
