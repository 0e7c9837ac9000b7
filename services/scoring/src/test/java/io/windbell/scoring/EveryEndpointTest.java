package io.windbell.scoring;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.platform.health.PublicHealthResource;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;

@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class EveryEndpointTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        // the overall status (UP/DOWN) of libs/platform; the details are on the management interface
        return Set.of(PublicHealthResource.PATH);
    }

    @Override
    protected int minimumOperations() {
        return 15;
    }
}
