package io.windbell.notification.inbox;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.platform.health.PublicHealthResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;

/**
 * The sweep over every operation of the document (401 without a token, 403 without a Windbell role), incl. the stream,
 * which decides itself because it also takes tickets.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class InboxEndpointsRefuseStrangersTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        return Set.of(PublicHealthResource.PATH);
    }

    @Override
    protected int minimumOperations() {
        // inbox list, unread count, read, acknowledge; stream ticket; stream
        return 6;
    }
}
