package io.windbell.loadgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void builtinCatalogHasTheSevenSeededJourneys() {
        Catalog catalog = CatalogJson.builtin();

        assertThat(catalog.journeyNames()).containsExactlyInAnyOrder("ACCOUNT_OPENING", "WEALTH_PURCHASE",
                "LOAN_APPLICATION", "CARD_ACTIVATION", "TRANSFER", "COMPLAINT", "REFERRAL");
        assertThat(catalog.touchpoints()).hasSize(47).allSatisfy(t -> assertThat(t.channels()).isSubsetOf("MOBILE_APP",
                "WEB", "BRANCH", "CALL_CENTER", "WECHAT", "ATM", "RM_VISIT"));
    }

    /**
     * The built-in catalog is a copy of the one ingest seeds (and the journey service's definitions mirror): traffic
     * produced straight to Kafka must use the codes the services know. Fails when the seed changes without the copy.
     */
    @Test
    void builtinCatalogIsIngestsSeededCatalog() throws Exception {
        Path seed = Path.of("../../services/ingest/src/main/resources/db/migration/V2__seed_bank_catalog.sql");
        assumeTrue(Files.exists(seed), "ingest's seed is not next to this module");
        String sql = Files.readString(seed);
        Matcher row = Pattern
                .compile("\\('([^']+)',\\s*'([^']+)',\\s*'([^']+)',\\s*'([A-Z_]+)',\\s*(\\d+),"
                        + "\\s*(NULL|'[^']*'),\\s*(true|false),\\s*'\\{([^}]*)\\}'\\)")
                .matcher(sql.substring(sql.indexOf("INSERT INTO touchpoint")));
        List<Touchpoint> seeded = new ArrayList<>();
        while (row.find()) {
            String phase = row.group(6).equals("NULL") ? null : row.group(6).replace("'", "");
            seeded.add(new Touchpoint(row.group(1), row.group(2), row.group(3), row.group(4),
                    Integer.parseInt(row.group(5)), phase, Boolean.parseBoolean(row.group(7)),
                    List.of(row.group(8).split(",")), true));
        }

        assertThat(seeded).hasSizeGreaterThan(40);
        assertThat(CatalogJson.builtin().touchpoints()).containsExactlyInAnyOrderElementsOf(seeded);
    }

    private static Touchpoint tp(String code, String journey, int order, boolean active) {
        return new Touchpoint(code, code, code, journey, order, "P", false, List.of("MOBILE_APP"), active);
    }
}
