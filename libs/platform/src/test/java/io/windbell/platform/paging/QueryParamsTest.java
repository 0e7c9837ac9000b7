package io.windbell.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/** Parameters a database could not hold are 400s naming the parameter, not 500s further in. */
class QueryParamsTest {

    @Test
    void instantsOutsideTheSaneRangeAreRefusedNamingTheRange() {
        for (String extreme : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            QueryParams params = new QueryParams();
            assertThat(params.instant("from", extreme)).isNull();
            assertThat(violations(params::check)).containsExactly(
                    new Violation("from", "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        }
        QueryParams params = new QueryParams();
        assertThat(params.instant("from", "9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(params.instant("to", "1970-01-01")).isEqualTo(Instant.EPOCH);
        params.check();
    }

    @Test
    void idsAreCheckedByTheirRule() {
        QueryParams params = new QueryParams();
        assertThat(
                params.id("customerId", " C0755003318207 ", Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX))
                        .isEqualTo("C0755003318207");
        assertThat(params.id("customerId", null, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX)).isNull();
        params.check();
        params.id("customerId", "jane@example.com", Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX);
        params.id("definition", "a\u0000b", Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
        assertThat(violations(params::check)).extracting(Violation::field).containsExactly("customerId", "definition");
        assertThat(violations(() -> QueryParams.pathId("code", "../x", Identifiers::isTouchpointCode,
                Identifiers.TOUCHPOINT_CODE_REGEX))).extracting(Violation::field).containsExactly("code");
    }

    @Test
    void onlyCanonicalUuidsAreUuids() {
        QueryParams params = new QueryParams();
        params.uuid("id", "1-1-1-1-1");
        assertThat(violations(params::check)).containsExactly(new Violation("id", "must be a UUID"));
    }

    @Test
    void forgedCursorsAreFieldLevelErrors() {
        for (String forged : List.of(Cursor.encode("\u0000", "\u0000"), Cursor.encode("a\u0000b"),
                Cursor.encode("+999999999-12-31T23:59:59Z", "00000000-0000-0000-0000-000000000000"),
                Cursor.encode("", ""), Cursor.encode("garbage", "garbage"))) {
            assertThat(violations(() -> QueryParams.keyset(forged))).extracting(Violation::field)
                    .containsExactly("cursor");
        }
        assertThat(violations(() -> Cursor.decode(Cursor.encode("a\u0000b"), 1))).extracting(Violation::field)
                .containsExactly("cursor");
        Instant at = Instant.parse("2026-11-22T08:00:00Z");
        assertThat(QueryParams.keyset(Cursor.encode(at.toString(), "00000000-0000-0000-0000-000000000001")).at())
                .isEqualTo(at);
    }

    private static List<Violation> violations(Runnable call) {
        ProblemException e = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(e).isNotNull();
        assertThat(e.problem().status()).isEqualTo(400);
        return e.problem().violations();
    }
}
