package io.windbell.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.windbell.contracts.Text;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.ingest.catalog.CatalogSnapshot;
import io.windbell.ingest.support.Events;
import io.windbell.platform.problem.Violation;

class EventValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    static final CatalogSnapshot CATALOG = new CatalogSnapshot(Set.of("MOBILE_APP", "BRANCH", "WEB"),
            Map.of("wealth.risk_assessment", new CatalogSnapshot.TouchpointRule(true, Set.of("MOBILE_APP", "BRANCH")),
                    "wealth.legacy_step", new CatalogSnapshot.TouchpointRule(false, Set.of("MOBILE_APP"))),
            NOW);

    final EventValidator validator = new EventValidator(
            new EventValidator.Rules(Duration.ofMinutes(5), Duration.ofDays(7), 4, 2, 200), MAPPER,
            Clock.fixed(NOW, ZoneOffset.UTC));

    Validated validate(Events event) {
        return validator.validate(MAPPER.valueToTree(event.build()), CATALOG);
    }

    static Events event() {
        return Events.valid().with("occurredAt", "2026-11-22T09:59:00+08:00").with("attributes", Map.of("os", "iOS"));
    }

    @Test
    void aValidEventBecomesTheRecordToPublish() {
        Validated verdict = validate(event().with("customerId", "C000123"));

        assertThat(verdict).isInstanceOfSatisfying(Validated.Accepted.class, ok -> {
            assertThat(ok.event().customerId()).isEqualTo("C000123");
            assertThat(ok.event().partitionKey()).isEqualTo("C000123");
            assertThat(ok.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(ok.event().occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
            assertThat(ok.event().receivedAt()).isEqualTo(NOW);
            assertThat(ok.event().attributes()).containsEntry("os", "iOS");
        });
    }

    @Test
    void anonymousEventsAreKeyedByTheDevice() {
        Validated verdict = validate(event().without("customerId").with("anonymousId", "dev-8f2a91"));

        assertThat(verdict).isInstanceOfSatisfying(Validated.Accepted.class,
                ok -> assertThat(ok.event().partitionKey()).isEqualTo("dev-8f2a91"));
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        JsonNode node = MAPPER.valueToTree(event().with("eventId", "not-a-uuid").with("outcome", "MAYBE")
                .with("durationMs", "slow").with("channel", 7).build());

        assertThat(validator.validate(node, CATALOG)).isInstanceOfSatisfying(Validated.Rejected.class,
                no -> assertThat(no.violations()).extracting(Violation::field).containsExactlyInAnyOrder("eventId",
                        "outcome", "durationMs", "channel"));
    }

    @Test
    void anIdentityIsRequired() {
        assertThat(fields(validate(event().without("customerId")))).containsExactly("customerId");
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThat(fields(
                validate(event().without("eventId").without("occurredAt").without("touchpoint").without("outcome"))))
                        .containsExactlyInAnyOrder("eventId", "occurredAt", "touchpoint", "outcome");
    }

    @Test
    void eventsFromTheFutureAreRejectedButClockSkewIsTolerated() {
        assertThat(validate(event().with("occurredAt", "2026-11-22T10:04:00+08:00")))
                .isInstanceOf(Validated.Accepted.class);
        assertThat(fields(validate(event().with("occurredAt", "2026-11-22T10:06:00+08:00"))))
                .containsExactly("occurredAt");
    }

    @Test
    void lateEventsAreAcceptedUpToTheConfiguredAge() {
        assertThat(validate(event().with("occurredAt", "2026-11-16T02:00:00Z"))).isInstanceOf(Validated.Accepted.class);
        assertThat(fields(validate(event().with("occurredAt", "2026-11-14T02:00:00Z")))).containsExactly("occurredAt");
    }

    @Test
    void timestampsNeedAnOffset() {
        assertThat(fields(validate(event().with("occurredAt", "2026-11-22T09:59:00")))).containsExactly("occurredAt");
    }

    @Test
    void touchpointMustExistBeActiveAndBeOfferedOnTheChannel() {
        assertThat(messages(validate(event().with("touchpoint", "wealth.unknown")))).singleElement().asString()
                .contains("unknown touchpoint");
        assertThat(messages(validate(event().with("touchpoint", "wealth.legacy_step")))).singleElement().asString()
                .contains("retired");
        assertThat(messages(validate(event().with("channel", "WEB")))).singleElement().asString()
                .contains("not offered on channel WEB");
        assertThat(messages(validate(event().with("channel", "FAX")))).singleElement().asString()
                .contains("unknown channel");
    }

    @Test
    void unknownFieldsAreRejectedSoThatTyposDoNotSilentlyLoseData() {
        assertThat(fields(validate(event().with("customerID", "C1")))).containsExactly("customerID");
    }

    @Test
    void attributesAreBoundedInDepthEntriesAndSize() {
        assertThat(fields(validate(event().with("attributes", Map.of("a", Map.of("b", Map.of("c", 1)))))))
                .containsExactly("attributes");
        assertThat(fields(validate(event().with("attributes", Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5)))))
                .containsExactly("attributes");
        assertThat(fields(validate(event().with("attributes", Map.of("a", "x".repeat(300))))))
                .containsExactly("attributes");
        assertThat(fields(validate(event().with("attributes", "flat")))).containsExactly("attributes");
    }

    @Test
    void identifiersAndCodesHaveASafeShape() {
        assertThat(fields(validate(event().with("customerId", "C 1; drop")))).containsExactly("customerId");
        assertThat(fields(validate(event().with("locale", "Chinese")))).containsExactly("locale");
        assertThat(fields(validate(event().with("durationMs", -1)))).containsExactly("durationMs");
        assertThat(fields(validate(event().with("sessionId", "")))).containsExactly("sessionId");
    }

    /** Ingest accepted '@' in ids until the rules moved to Identifiers; no id may look like an e-mail address now. */
    @Test
    void idsFollowTheContractRulesWithoutAtSigns() {
        assertThat(fields(validate(event().with("customerId", "zhang.wei@example.com")))).containsExactly("customerId");
        assertThat(fields(validate(event().without("customerId").with("anonymousId", "dev@1"))))
                .containsExactly("anonymousId");
        assertThat(
                fields(validate(event().with("branchId", "B@1").with("employeeId", "e@bank").with("productId", "P@1"))))
                        .containsExactlyInAnyOrder("branchId", "employeeId", "productId");
        assertThat(fields(validate(event().with("customerId", "C" + "0".repeat(64))))).containsExactly("customerId");
        assertThat(validate(event().with("customerId", "C" + "0".repeat(63)).with("branchId", "cn:B0755012")))
                .isInstanceOf(Validated.Accepted.class);
    }

    @Test
    void aRejectedEventKeepsWhatCouldBeReadForTheQuarantine() {
        Validated verdict = validate(
                event().with("eventId", "5b7e1d8e-5b5c-4d55-9f36-2c4b5b0f8b11").with("outcome", "?"));

        assertThat(verdict).isInstanceOfSatisfying(Validated.Rejected.class, no -> {
            assertThat(no.eventId()).isEqualTo("5b7e1d8e-5b5c-4d55-9f36-2c4b5b0f8b11");
            assertThat(no.channel()).isEqualTo("MOBILE_APP");
        });
    }

    @Test
    void aRefusedCharacterInAnyStringIsAViolationAtItsPathWithThePlainRule() {
        // the probe's two findings: a NUL in a free-text field (was 202, then lost) and in a code (was a 500)
        Validated inSession = validate(event().with("sessionId", "sess\u0000ion"));
        Validated inTouchpoint = validate(event().with("touchpoint", "wealth.\u0000x"));
        Validated inAttributes = validate(event().with("attributes",
                Map.of("device", Map.of("os", "i\uD800OS"), "tags", java.util.List.of("\u001b"))));
        Validated inAttributeKey = validate(event().with("attributes", Map.of("we\u0000ird", "x")));
        Validated inUnknownField = validate(event().with("not\u0000known", "\uFFFF"));

        assertThat(fields(inSession)).containsExactly("sessionId");
        assertThat(messages(inSession)).containsExactly(Text.RULE);
        assertThat(fields(inTouchpoint)).containsExactly("touchpoint");
        assertThat(messages(inTouchpoint)).containsExactly(Text.RULE);
        assertThat(fields(inAttributes)).containsExactlyInAnyOrder("attributes.device.os", "attributes.tags[0]");
        assertThat(fields(inAttributeKey)).containsExactly("attributes[\"we\\u0000ird\"]");
        assertThat(fields(inUnknownField)).containsExactly("$[\"not\\u0000known\"]", "$[\"not\\u0000known\"]");
        for (Validated verdict : java.util.List.of(inSession, inTouchpoint, inAttributes, inAttributeKey,
                inUnknownField)) {
            Validated.Rejected no = (Validated.Rejected) verdict;
            assertThat(no.violations()).as("nothing the quarantine keeps quotes a refused character")
                    .allSatisfy(v -> assertThat(Text.isAcceptable(v.field() + v.message())).isTrue());
            assertThat(Text.isAcceptable(no.eventId())).isTrue();
            assertThat(Text.isAcceptable(no.channel())).isTrue();
        }
        assertThat(((Validated.Rejected) validate(event().with("channel", "MOBILE\u0000APP"))).channel()).isNull();
    }

    @Test
    void tabsLineBreaksEmojiAndOtherScriptsAreText() {
        assertThat(validate(event().with("sessionId", "会话\t1\r\n\uD83D\uDE00\u200F").with("attributes",
                Map.of("备注", "两行\n文字", "rtl", "\u202Eabc")))).isInstanceOf(Validated.Accepted.class);
    }

    private static java.util.List<String> fields(Validated verdict) {
        assertThat(verdict).isInstanceOf(Validated.Rejected.class);
        return ((Validated.Rejected) verdict).violations().stream().map(Violation::field).toList();
    }

    private static java.util.List<String> messages(Validated verdict) {
        assertThat(verdict).isInstanceOf(Validated.Rejected.class);
        return ((Validated.Rejected) verdict).violations().stream().map(Violation::message).toList();
    }
}
