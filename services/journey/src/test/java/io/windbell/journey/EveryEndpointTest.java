package io.windbell.journey;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;

@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class EveryEndpointTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        return Set.of();
    }

    @Override
    protected int minimumOperations() {
        return 13;
    }
}
