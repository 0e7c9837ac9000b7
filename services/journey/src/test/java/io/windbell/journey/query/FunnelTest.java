package io.windbell.journey.query;

import static io.restassured.RestAssured.given;
import static io.windbell.journey.query.Fixtures.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.journey.definition.DefinitionCatalog;
import io.windbell.journey.query.Fixtures.StepSpec;
import io.windbell.journey.support.JourneyTestResource;

@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "analyst", roles = "cx-analyst")
class FunnelTest {

    static final String FROM = "2025-01-06T00:00:00Z";
    static final String TO = "2025-01-13T00:00:00Z";

    @Inject
    DataSource dataSource;

    @Inject
    DefinitionCatalog catalog;

    /**
     * Ten instances started in the window: all reach step 1, seven step 2, four step 3, three complete; two are
     * interrupted at step 2 with E1 and a third was and resumed. Around them: an instance started before the window, an
     * instance merged into another, a late event, repeated events and a contact that is not a step.
     */
    @Test
    void stepsDropOffsMediansAndHotSpots() {
        Fixtures f = new Fixtures(dataSource);
        String code = Fixtures.unique("FUNNEL_TEST");
        f.definition(code, 1, false, "Funnel test v1", new StepSpec(1, "ft.start", "Start (old)", null, false),
                new StepSpec(2, "ft.submit", "Submit (old)", null, true),
                new StepSpec(3, "ft.fund", "Fund (old)", null, false),
                new StepSpec(4, "ft.legacy", "Legacy", null, false));
        f.definition(code, 2, true, "Funnel test", new StepSpec(1, "ft.start", "Start", "APPLY", false),
                new StepSpec(2, "ft.submit", "Submit", "APPLY", true),
                new StepSpec(3, "ft.fund", "Fund", "FUND", false));
        catalog.reload();

        Instant base = at("2025-01-07T00:00:00Z");
        long[] toStep3Seconds = { 10, 20, 30, 50 };
        UUID[] ids = new UUID[11];
        for (int k = 1; k <= 10; k++) {
            Instant start = base.plus(Duration.ofHours(k));
            Fixtures.JourneyRow row = f.journey(code).version(k == 9 ? 1 : 2).started(start);
            if (k == 10) {
                row.anonymous(Fixtures.unique("D-FT"));
            } else {
                row.customer(Fixtures.unique("C-FT"));
            }
            if (k <= 3) {
                row.completed(start.plus(Duration.ofHours(1)));
            } else if (k == 5 || k == 6 || k == 8) {
                row.status("INTERRUPTED");
            }
            row.channelSwitches(k == 1 ? 2 : k == 7 ? 1 : 0);
            UUID id = row.insert();
            ids[k] = id;
            f.event().at(start).touchpoint("ft.start").journey(id, code, 1).insert();
            if (k <= 7) {
                Instant submitted = start.plusSeconds(60L * k);
                f.event().at(submitted).touchpoint("ft.submit").channel("WEB").journey(id, code, 2).insert();
                if (k <= 4) {
                    f.event().at(submitted.plusSeconds(toStep3Seconds[k - 1])).touchpoint("ft.fund")
                            .journey(id, code, 3).insert();
                }
            }
        }
        // repeated visits count once, at their first occurrence
        f.event().at(base.plus(Duration.ofHours(1)).plusSeconds(160)).touchpoint("ft.submit").journey(ids[1], code, 2)
                .insert();
        f.event().at(base.plus(Duration.ofHours(1)).plusSeconds(200)).touchpoint("ft.start").journey(ids[1], code, 1)
                .insert();
        // a call about the journey is no step; a late event is not applied
        f.event().at(base.plus(Duration.ofHours(2)).plusSeconds(30)).channel("CALL_CENTER").touchpoint("cc.inbound")
                .journey(ids[2], code, null).insert();
        f.event().at(base.plus(Duration.ofHours(5)).plusSeconds(900)).touchpoint("ft.fund").journey(ids[5], code, 3)
                .late().insert();
        // an anonymous instance merged into #1 later: its visit is #1's, it is no instance of its own
        UUID merged = f.journey(code).version(2).anonymous(Fixtures.unique("D-FT"))
                .started(base.plus(Duration.ofHours(1))).mergedInto(ids[1]).insert();
        f.event().at(base.plus(Duration.ofHours(1)).plusSeconds(5)).touchpoint("ft.start").journey(merged, code, 1)
                .insert();
        // started before the window: not counted, nor its interruption
        UUID before = f.journey(code).version(2).customer(Fixtures.unique("C-FT")).started(at("2025-01-05T12:00:00Z"))
                .completed(at("2025-01-06T12:00:00Z")).insert();
        f.event().at(at("2025-01-06T01:00:00Z")).touchpoint("ft.submit").journey(before, code, 2).insert();
        f.interruption(before, code).at("ft.submit", 2).error("E1").interrupted(at("2025-01-06T01:00:00Z")).insert();

        for (int k : new int[] { 5, 6, 7 }) {
            var interruption = f.interruption(ids[k], code).at("ft.submit", 2).error("E1")
                    .interrupted(base.plus(Duration.ofHours(k)).plusSeconds(600));
            if (k == 7) {
                interruption.resumed(base.plus(Duration.ofHours(k)).plusSeconds(1200), "CALL_CENTER");
            }
            interruption.insert();
        }
        f.interruption(ids[3], code).at("ft.submit", 2).error("E2").interrupted(base.plus(Duration.ofHours(3)))
                .resumed(base.plus(Duration.ofHours(3)).plusSeconds(60), "BRANCH").insert();
        f.interruption(ids[8], code).reason("TIMEOUT").at("ft.start", 1).interrupted(base.plus(Duration.ofHours(9)))
                .insert();

        given().queryParam("from", FROM).queryParam("to", TO).when().get("/v1/funnels/{code}", code).then()
                .statusCode(200).body("definitionCode", equalTo(code)).body("definitionVersion", equalTo(2))
                .body("name", equalTo("Funnel test")).body("from", equalTo(FROM)).body("to", equalTo(TO))
                .body("totals.started", equalTo(10)).body("totals.completed", equalTo(3))
                .body("totals.interrupted", equalTo(3)).body("totals.inProgress", equalTo(4))
                .body("totals.completionRate", equalTo(0.3f)).body("totals.channelSwitches", equalTo(3))
                .body("totals.anonymous", equalTo(1)).body("versions.version", contains(2, 1))
                .body("versions.started", contains(9, 1))
                // the steps of the active version, by order
                .body("steps.order", contains(1, 2, 3)).body("steps.code", contains("ft.start", "ft.submit", "ft.fund"))
                .body("steps.name", contains("Start", "Submit", "Fund"))
                .body("steps.phase", contains("APPLY", "APPLY", "FUND"))
                .body("steps.keyNode", contains(false, true, false)).body("steps.entries", contains(10, 7, 4))
                .body("steps.dropOff", contains(3, 3, null)).body("steps.dropOffRate", contains(0.3f, 0.4286f, null))
                // medians of 60..420 s (seven instances) and of 10, 20, 30, 50 s
                .body("steps.medianMsFromPrevious", contains(null, 240_000, 25_000))
                .body("phases.phase", contains("APPLY", "FUND")).body("phases.entries", contains(10, 4))
                .body("hotSpots", hasSize(3)).body("hotSpots[0].touchpoint", equalTo("ft.submit"))
                .body("hotSpots[0].errorCode", equalTo("E1")).body("hotSpots[0].reason", equalTo("FAILURE"))
                .body("hotSpots[0].count", equalTo(3)).body("hotSpots[0].resumed", equalTo(1))
                .body("hotSpots[1].touchpoint", equalTo("ft.start")).body("hotSpots[1].errorCode", nullValue())
                .body("hotSpots[1].reason", equalTo("TIMEOUT")).body("hotSpots[1].count", equalTo(1))
                .body("hotSpots[1].resumed", equalTo(0)).body("hotSpots[2].errorCode", equalTo("E2"))
                .body("hotSpots[2].count", equalTo(1)).body("hotSpots[2].resumed", equalTo(1));
    }

    /**
     * The default window is the last seven days. An instance of an older version reaches a step the active version no
     * longer has; an instance merged into another contributes its visits and its interruption to the survivor.
     */
    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void olderVersionsAndMergedInstancesInTheDefaultWindow() {
        Fixtures f = new Fixtures(dataSource);
        String code = Fixtures.unique("FUNNEL_TEST");
        f.definition(code, 1, false, "Old", new StepSpec(1, "g.one", "One", null, false),
                new StepSpec(2, "g.two", "Two", null, true), new StepSpec(3, "g.three", "Three", null, false),
                new StepSpec(4, "g.four", "Four", null, false));
        f.definition(code, 2, true, "New", new StepSpec(1, "g.one", "One", null, false),
                new StepSpec(2, "g.two", "Two", null, true), new StepSpec(3, "g.three", "Three", null, false));
        catalog.reload();

        Instant t = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        UUID old = f.journey(code).version(1).customer(Fixtures.unique("C-FT")).started(t).insert();
        for (int step = 1; step <= 4; step++) {
            f.event().at(t.plusSeconds(60L * (step - 1))).journey(old, code, step).insert();
        }
        UUID plain = f.journey(code).version(2).customer(Fixtures.unique("C-FT")).started(t).insert();
        f.event().at(t).journey(plain, code, 1).insert();
        f.event().at(t.plusSeconds(120)).journey(plain, code, 2).insert();
        UUID survivor = f.journey(code).version(2).customer(Fixtures.unique("C-FT")).started(t.plusSeconds(300))
                .insert();
        f.event().at(t.plusSeconds(900)).journey(survivor, code, 2).insert();
        UUID anonymous = f.journey(code).version(2).anonymous(Fixtures.unique("D-FT")).started(t.plusSeconds(300))
                .mergedInto(survivor).insert();
        f.event().at(t.plusSeconds(300)).journey(anonymous, code, 1).insert();
        f.interruption(anonymous, code).reason("ABANDONED").at("g.one", 1).interrupted(t.plusSeconds(400)).insert();
        // a week and a day ago: outside the default window
        UUID stale = f.journey(code).version(2).customer(Fixtures.unique("C-FT")).started(t.minus(Duration.ofDays(6)))
                .insert();
        f.event().at(t.minus(Duration.ofDays(6))).journey(stale, code, 1).insert();

        given().when().get("/v1/funnels/{code}", code).then().statusCode(200).body("definitionVersion", equalTo(2))
                .body("name", equalTo("New")).body("totals.started", equalTo(3))
                .body("totals.completionRate", equalTo(0f)).body("steps.order", contains(1, 2, 3, 4))
                .body("steps.name", contains("One", "Two", "Three", "Four")).body("steps.entries", contains(3, 3, 1, 1))
                .body("steps.dropOff", contains(0, 2, 0, null))
                .body("steps.dropOffRate", contains(0f, 0.6667f, 0f, null))
                // 60 s, 120 s and 600 s from step 1 to step 2
                .body("steps.medianMsFromPrevious", contains(null, 120_000, 60_000, 60_000)).body("phases", hasSize(0))
                .body("hotSpots", hasSize(1)).body("hotSpots[0].reason", equalTo("ABANDONED"))
                .body("versions.version", contains(2, 1)).body("versions.started", contains(2, 1));
    }

    @Test
    void aWindowWithoutInstancesHasNoRates() {
        Fixtures f = new Fixtures(dataSource);
        String code = Fixtures.unique("FUNNEL_TEST");
        f.definition(code, 1, true, "Empty", new StepSpec(1, "e.one", "One", "P", false),
                new StepSpec(2, "e.two", "Two", "P", true));
        catalog.reload();
        given().queryParam("from", FROM).queryParam("to", TO).when().get("/v1/funnels/{code}", code).then()
                .statusCode(200).body("totals.started", equalTo(0)).body("totals.completionRate", nullValue())
                .body("steps.entries", contains(0, 0)).body("steps.dropOff", contains(0, null))
                .body("steps.dropOffRate", contains(null, null))
                .body("steps.medianMsFromPrevious", contains(null, null)).body("phases.entries", contains(0))
                .body("hotSpots", hasSize(0)).body("versions", hasSize(0));
    }

    @Test
    void unknownDefinitionAndInvalidWindows() {
        given().queryParam("from", FROM).queryParam("to", TO).when()
                .get("/v1/funnels/{code}", Fixtures.unique("NO_SUCH_JOURNEY")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        // 93 days
        given().queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2025-04-04T00:00:00Z").when()
                .get("/v1/funnels/{code}", "ANY").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("to"));
        given().queryParam("from", TO).queryParam("to", FROM).when().get("/v1/funnels/{code}", "ANY").then()
                .statusCode(400).body("violations.field", contains("from"));
        given().queryParam("from", "last week").when().get("/v1/funnels/{code}", "ANY").then().statusCode(400)
                .body("violations.field", contains("from"));
        // 92 days exactly is allowed: the answer is about the definition now
        given().queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2025-04-03T00:00:00Z").when()
                .get("/v1/funnels/{code}", Fixtures.unique("NO_SUCH_JOURNEY")).then().statusCode(404);
    }
}
