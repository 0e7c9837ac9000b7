package io.windbell.journey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.testing.EveryEndpointSurvivesHostileInput;

@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class HostileInputTest extends EveryEndpointSurvivesHostileInput {

    @Override
    protected int minimumOperations() {
        return 13;
    }
}
