package io.windbell.survey;

import java.util.Set;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.platform.health.PublicHealthResource;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.EveryEndpointRefusesStrangers;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class EveryEndpointTest extends EveryEndpointRefusesStrangers {

    @Override
    protected Set<String> publicPaths() {
        // the respondent's link: the token in the path is the credential
        // and the overall status (UP/DOWN) of libs/platform; the details are on the management interface
        return Set.of("/s/", "/v1/s/", PublicHealthResource.PATH);
    }

    @Override
    protected int minimumOperations() {
        return 24;
    }
}
