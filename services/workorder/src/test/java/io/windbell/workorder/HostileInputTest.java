package io.windbell.workorder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.testing.EveryEndpointSurvivesHostileInput;
import io.windbell.workorder.support.WorkorderTestResource;

@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class HostileInputTest extends EveryEndpointSurvivesHostileInput {

    @Override
    protected int minimumOperations() {
        // every operation of EveryEndpointTest
        return 44;
    }
}
