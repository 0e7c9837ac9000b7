package io.windbell.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.EndpointSweep;

/**
 * Every operation in the OpenAPI document (but the respondent's public link paths) refuses a caller without a token
 * (401) and a caller whose token carries no Windbell role (403), as problem+json: no endpoint is open by omission.
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class EveryEndpointTest {

    private static final Set<String> PUBLIC = Set.of("/s/", "/v1/s/");

    private static List<EndpointSweep.Operation> operations() {
        List<EndpointSweep.Operation> operations = EndpointSweep.operations(PUBLIC);
        // the sweep must have found the API, or it proves nothing
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
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
