package io.windbell.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.security.TestSecurity;

/**
 * Every operation in a service's OpenAPI document, but its public paths, refuses a caller without a token (401) and a
 * caller whose token carries no Windbell role (403), as problem+json: no endpoint is open by omission. A service's
 * {@code EveryEndpointTest} extends this with its {@code @QuarkusTest} resource.
 */
public abstract class EveryEndpointRefusesStrangers {

    /** Path prefixes that are public on purpose (none for most services). */
    protected abstract Set<String> publicPaths();

    /** At least this many operations must be found, or the sweep proves nothing. */
    protected abstract int minimumOperations();

    private List<EndpointSweep.Operation> operations() {
        List<EndpointSweep.Operation> operations = EndpointSweep.operations(publicPaths());
        assertThat(operations).hasSizeGreaterThanOrEqualTo(minimumOperations());
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
