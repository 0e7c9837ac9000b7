package io.windbell.journey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.testing.OnlyApiAccessTokensAreAccepted;

@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class AccessTokenTest extends OnlyApiAccessTokensAreAccepted {

    @Override
    protected String protectedPath() {
        return "/v1/definitions";
    }

    @Override
    protected String role() {
        return "cx-analyst";
    }
}
