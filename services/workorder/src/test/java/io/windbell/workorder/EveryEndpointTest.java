package io.windbell.workorder;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.platform.health.PublicHealthResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;
import io.windbell.workorder.support.WorkorderTestResource;

@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class EveryEndpointTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        // the overall status (UP/DOWN) of libs/platform; the details are on the management interface
        return Set.of(PublicHealthResource.PATH);
    }

    @Override
    protected int minimumOperations() {
        // orders 18 (create, 13 commands, list, detail, stats, export), staff directory 7, calendars and SLA policies
        // 10,
        // creation rules 4, special tasks 5
        return 44;
    }
}
