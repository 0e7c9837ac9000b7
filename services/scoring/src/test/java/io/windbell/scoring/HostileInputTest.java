package io.windbell.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.EveryEndpointSurvivesHostileInput;

@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class HostileInputTest extends EveryEndpointSurvivesHostileInput {

    @Override
    protected int minimumOperations() {
        return 15;
    }
}
