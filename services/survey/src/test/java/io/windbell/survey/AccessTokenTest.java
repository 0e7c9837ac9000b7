package io.windbell.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.OnlyApiAccessTokensAreAccepted;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class AccessTokenTest extends OnlyApiAccessTokensAreAccepted {

    @Override
    protected String protectedPath() {
        return "/v1/invitations";
    }

    @Override
    protected String role() {
        return "cx-analyst";
    }
}
