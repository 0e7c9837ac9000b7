package io.windbell.ingest;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.ingest.support.IngestTestResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;

@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
class EveryEndpointTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        return Set.of();
    }

    @Override
    protected int minimumOperations() {
        return 10;
    }
}
