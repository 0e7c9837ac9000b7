package io.windbell.notification;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.platform.health.PublicHealthResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;

/**
 * The sweep over every operation of the document (401 without a token, 403 without a Windbell role), incl. the stream,
 * which decides itself because it also takes tickets. The inbox page ({@code /inbox}) is public and not in the
 * document; it serves no data.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class EveryEndpointTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        return Set.of(PublicHealthResource.PATH);
    }

    @Override
    protected int minimumOperations() {
        // inbox list, unread count, read, acknowledge; stream ticket; stream; preferences 2; deliveries 4; endpoints 5
        return 17;
    }
}
