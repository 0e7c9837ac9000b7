package io.windbell.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.ingest.support.IngestTestResource;
import io.windbell.testing.EveryEndpointSurvivesHostileInput;

@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
class HostileInputTest extends EveryEndpointSurvivesHostileInput {

    @Override
    protected int minimumOperations() {
        return 10;
    }
}
