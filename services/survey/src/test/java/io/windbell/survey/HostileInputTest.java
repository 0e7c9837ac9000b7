package io.windbell.survey;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.EveryEndpointSurvivesHostileInput;
import io.windbell.testing.HostileInputSweep;
import io.windbell.testing.HostileInputSweep.Operation;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class HostileInputTest extends EveryEndpointSurvivesHostileInput {

    /** The hosted survey page, which the OpenAPI document leaves out. */
    private static final List<Operation> PAGES = List.of(Operation.of("get", "/s/{token}", null, "lang"),
            Operation.of("post", "/s/{token}", "application/x-www-form-urlencoded"),
            Operation.of("get", "/s/{token}/thanks", null, "lang"));

    @Override
    protected int minimumOperations() {
        return 26;
    }

    @Override
    protected List<Operation> hiddenOperations() {
        return PAGES;
    }

    @Override
    protected boolean servesHtml(Operation operation) {
        return operation.template().startsWith("/s/");
    }

    /** The respondent's link (/v1/s/*) and the pages (/s/*) are public: swept as a stranger would call them. */
    @Test
    void publicLinksSurviveHostileInputWithoutAnIdentity() {
        List<Operation> operations = new java.util.ArrayList<>(
                HostileInputSweep.operations(path -> path.startsWith("/v1/s/")));
        operations.addAll(PAGES);
        sweepAnonymously(operations);
    }
}
