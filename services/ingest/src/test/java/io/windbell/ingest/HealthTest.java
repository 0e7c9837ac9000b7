package io.windbell.ingest;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.ingest.support.IngestTestResource;
import io.windbell.testing.HealthOnTheManagementInterface;

@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
class HealthTest extends HealthOnTheManagementInterface {

    @Override
    protected List<String> readinessChecks() {
        return List.of("kafka-broker", "touchpoint-catalog");
    }
}
