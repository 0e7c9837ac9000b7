package io.windbell.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouteTest {

    private static Route route(String name, String prefix, boolean strip, boolean isPublic, Set<String> roles,
            String... publicPaths) {
        return new Route(name, prefix, strip, isPublic, roles, List.of(publicPaths).stream().map(PathGlob::of).toList(),
                1024, Duration.ofSeconds(1), true);
    }

    @Test
    void aRouteCoversItsPrefixAndWhatIsBelowItNotItsNeighbours() {
        Route survey = route("survey-pages", "/s", false, true, Set.of());
        assertThat(survey.covers("/s")).isTrue();
        assertThat(survey.covers("/s/token")).isTrue();
        assertThat(survey.covers("/s-assets/survey.js")).isFalse();
        assertThat(survey.covers("/sx")).isFalse();
    }

    @Test
    void theUpstreamSeesThePathWithoutAStrippedPrefix() {
        Route ingest = route("ingest", "/api/ingest", true, false, Set.of("channel-app"));
        assertThat(ingest.upstreamPath("/api/ingest/v1/events")).isEqualTo("/v1/events");
        assertThat(ingest.upstreamPath("/api/ingest")).isEqualTo("/");
        assertThat(route("s", "/s", false, true, Set.of()).upstreamPath("/s/t")).isEqualTo("/s/t");
    }

    @Test
    void publicPathsAreMatchedBelowThePrefix() {
        Route notification = route("notification", "/api/notification", true, false, Set.of("frontline"), "/inbox/**",
                "/v1/employees/*/stream");
        assertThat(notification.isPublic("/api/notification/inbox")).isTrue();
        assertThat(notification.isPublic("/api/notification/v1/employees/me/stream")).isTrue();
        assertThat(notification.isPublic("/api/notification/v1/employees/me/inbox")).isFalse();
        assertThat(notification.isPublic("/inbox")).isFalse();
    }

    @Test
    void aCallerNeedsOneOfTheRoutesRoles() {
        Route workorder = route("workorder", "/api/workorder", true, false, Set.of("frontline", "cx-admin"));
        assertThat(workorder.admits(Set.of("frontline"))).isTrue();
        assertThat(workorder.admits(Set.of("channel-app", "cx-admin"))).isTrue();
        assertThat(workorder.admits(Set.of("channel-app"))).isFalse();
        assertThat(workorder.admits(Set.of())).isFalse();
    }

    @Test
    void aRouteThatIsNotPublicMustNameItsRoles() {
        assertThatThrownBy(() -> route("x", "/api/x", true, false, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windbell.gateway.routes.x.roles");
        assertThatThrownBy(() -> route("x", "/api/x/", true, true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMostSpecificRouteWinsAndTwoRoutesCannotShareAPrefix() {
        Route api = route("api", "/api", true, false, Set.of("cx-admin"));
        Route ingest = route("ingest", "/api/ingest", true, false, Set.of("channel-app"));
        RouteTable table = new RouteTable(List.of(api, ingest));
        assertThat(table.match("/api/ingest/v1/events")).contains(ingest);
        assertThat(table.match("/api/ingestion")).contains(api);
        assertThat(table.match("/health")).isEmpty();
        assertThat(table.all()).extracting(Route::name).containsExactly("api", "ingest");
        assertThatThrownBy(() -> new RouteTable(List.of(ingest, route("other", "/api/ingest", true, true, Set.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same prefix");
    }
}
