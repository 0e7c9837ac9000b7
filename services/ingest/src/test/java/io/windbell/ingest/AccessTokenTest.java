package io.windbell.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.ingest.support.IngestTestResource;
import io.windbell.testing.OnlyApiAccessTokensAreAccepted;

@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
class AccessTokenTest extends OnlyApiAccessTokensAreAccepted {

    @Override
    protected String protectedPath() {
        return "/v1/catalog/channels";
    }

    @Override
    protected String role() {
        return "cx-analyst";
    }
}
