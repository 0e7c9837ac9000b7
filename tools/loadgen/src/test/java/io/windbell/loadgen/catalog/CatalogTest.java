package io.windbell.loadgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void readsTheApiPageShapeAndIgnoresUnknownFields() throws Exception {
        String json = """
                {"items":[{"code":"wealth.risk_assessment","name":"Risk assessment","nameZh":"风险测评",
                  "journey":"WEALTH_PURCHASE","stepOrder":3,"phase":"BEFORE_INVESTING","keyNode":true,
                  "channels":["MOBILE_APP","WEB","BRANCH"],"active":true,"owner":"wealth-dept","version":4}],
                 "nextCursor":"abc"}
                """;
        CatalogJson.Page page = CatalogJson.page(json.getBytes(StandardCharsets.UTF_8));

        assertThat(page.nextCursor()).isEqualTo("abc");
        assertThat(page.items()).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("wealth.risk_assessment");
            assertThat(t.keyNode()).isTrue();
            assertThat(t.channels()).containsExactly("MOBILE_APP", "WEB", "BRANCH");
        });
    }

    @Test
    void groupsJourneysByStepOrderAndDropsInactiveOrOrphanTouchpoints() {
        Catalog catalog = Catalog
                .of(List.of(tp("j.third", "J", 3, true), tp("j.first", "J", 1, true), tp("j.second.app", "J", 2, true),
                        tp("j.second.branch", "J", 2, true), tp("j.gone", "J", 4, false), tp("orphan", null, 1, true)));

        assertThat(catalog.journeyNames()).containsExactly("J");
        assertThat(catalog.steps("J")).extracting(step -> step.stream().map(Touchpoint::code).toList())
                .containsExactly(List.of("j.first"), List.of("j.second.app", "j.second.branch"), List.of("j.third"));
        assertThat(catalog.touchpoints()).extracting(Touchpoint::code).doesNotContain("j.gone");
    }

    @Test
    void refusesACatalogWithoutJourneys() {
        assertThatThrownBy(() -> Catalog.of(List.of(tp("x", null, 1, true)))).hasMessageContaining("no active");
    }

    @Test
    void builtinSampleHasTheSixJourneys() {
        Catalog catalog = CatalogJson.builtin();

        assertThat(catalog.journeyNames()).containsExactlyInAnyOrder("ACCOUNT_OPENING", "WEALTH_PURCHASE",
                "LOAN_APPLICATION", "CARD_ACTIVATION", "TRANSFER", "COMPLAINT");
        assertThat(catalog.touchpoints()).allSatisfy(t -> assertThat(t.channels()).isSubsetOf("MOBILE_APP", "WEB",
                "BRANCH", "CALL_CENTER", "WECHAT", "ATM", "RM_VISIT"));
    }

    private static Touchpoint tp(String code, String journey, int order, boolean active) {
        return new Touchpoint(code, code, code, journey, order, "P", false, List.of("MOBILE_APP"), active);
    }
}
