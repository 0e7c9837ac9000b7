package io.windbell.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.testing.EndpointSweep;

/**
 * Every operation in the OpenAPI document refuses a caller without a token (401) and a caller whose token carries no
 * Windbell role (403), as problem+json: no endpoint is open by omission.
 */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class EveryEndpointTest {

    private static final Set<String> PUBLIC = Set.of();

    private static List<EndpointSweep.Operation> operations() {
        List<EndpointSweep.Operation> operations = EndpointSweep.operations(PUBLIC);
        // the sweep must have found the API, or it proves nothing
        assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
        return operations;
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        assertThat(EndpointSweep.notAnswering(401, operations())).isEmpty();
    }

    @Test
    @TestSecurity(user = "stranger", roles = "no-windbell-role")
    void callersWithoutAWindbellRoleAreForbiddenEverywhere() {
        assertThat(EndpointSweep.notAnswering(403, operations())).isEmpty();
    }
}
