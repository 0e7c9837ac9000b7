package io.windbell.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.OnlyApiAccessTokensAreAccepted;

@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class AccessTokenTest extends OnlyApiAccessTokensAreAccepted {

    @Override
    protected String protectedPath() {
        return "/v1/branches";
    }

    @Override
    protected String role() {
        return "cx-analyst";
    }
}
