package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The schemas carry the identifier rules of {@link Identifiers} as {@code pattern} and {@code maxLength}, equal to the
 * Java constants, on every field that holds such an id or code; a pattern typed by hand anywhere else fails.
 */
class SchemaIdentifierTest {

    /** The rule a field must carry: regex and maximum length. */
    private record Rule(String name, String regex, int max) {
    }

    private static final Rule CUSTOMER = new Rule("customer id", Identifiers.CUSTOMER_ID_REGEX,
            Identifiers.CUSTOMER_ID_MAX);
    private static final Rule ANONYMOUS = new Rule("anonymous id", Identifiers.ANONYMOUS_ID_REGEX,
            Identifiers.ANONYMOUS_ID_MAX);
    private static final Rule BRANCH = new Rule("branch id", Identifiers.BRANCH_ID_REGEX, Identifiers.BRANCH_ID_MAX);
    private static final Rule REGION = new Rule("region id", Identifiers.REGION_ID_REGEX, Identifiers.REGION_ID_MAX);
    private static final Rule EMPLOYEE = new Rule("employee id", Identifiers.EMPLOYEE_ID_REGEX,
            Identifiers.EMPLOYEE_ID_MAX);
    private static final Rule PRODUCT = new Rule("product id", Identifiers.PRODUCT_ID_REGEX,
            Identifiers.PRODUCT_ID_MAX);
    private static final Rule JOURNEY = new Rule("journey code", Identifiers.JOURNEY_CODE_REGEX,
            Identifiers.JOURNEY_CODE_MAX);
    private static final Rule TOUCHPOINT = new Rule("touchpoint code", Identifiers.TOUCHPOINT_CODE_REGEX,
            Identifiers.TOUCHPOINT_CODE_MAX);

    /** Fields by name, wherever they occur (top level or a shared structure). */
    private static final Map<String, Rule> BY_NAME = Map.ofEntries(Map.entry("customerId", CUSTOMER),
            Map.entry("anonymousId", ANONYMOUS), Map.entry("branchId", BRANCH), Map.entry("regionId", REGION),
            Map.entry("employeeId", EMPLOYEE), Map.entry("assigneeEmployeeId", EMPLOYEE),
            Map.entry("previousAssigneeEmployeeId", EMPLOYEE), Map.entry("escalatedToEmployeeId", EMPLOYEE),
            Map.entry("productId", PRODUCT), Map.entry("definitionCode", JOURNEY), Map.entry("touchpoint", TOUCHPOINT),
            Map.entry("touchpointCode", TOUCHPOINT), Map.entry("keyNode", TOUCHPOINT));
    /** Fields whose name alone is ambiguous: {@code code} is a touchpoint code only in TouchpointVisit. */
    private static final Map<String, Rule> BY_DEFINITION_AND_NAME = Map.of("TouchpointVisit.code", TOUCHPOINT);
    /** Patterns that are not identifier rules. */
    private static final Set<String> OTHER_PATTERNS = Set.of("locale");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void identifierFieldsCarryThePatternAndLengthOfTheJavaConstants(EventType type) {
        List<String> problems = new ArrayList<>();
        check(ContractResources.schemaJson(type), null, type.type(), problems, new TreeSet<>());
        assertThat(problems).isEmpty();
    }

    @Test
    void everyIdentifierRuleAppearsInSomeSchema() {
        Set<String> seen = new TreeSet<>();
        for (EventType type : EventType.values()) {
            check(ContractResources.schemaJson(type), null, type.type(), new ArrayList<>(), seen);
        }
        assertThat(seen).containsExactlyInAnyOrder(CUSTOMER.name(), ANONYMOUS.name(), BRANCH.name(), REGION.name(),
                EMPLOYEE.name(), PRODUCT.name(), JOURNEY.name(), TOUCHPOINT.name());
    }

    /** Walks every object schema below {@code node}; {@code definition} is the $defs entry being walked, if any. */
    private static void check(JsonNode node, String definition, String path, List<String> problems, Set<String> seen) {
        if (node.isArray()) {
            node.forEach(item -> check(item, definition, path, problems, seen));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.path("properties").properties().forEach(p -> {
            String name = p.getKey();
            JsonNode property = p.getValue();
            String where = path + "." + name;
            Rule rule = BY_DEFINITION_AND_NAME.getOrDefault(definition + "." + name, BY_NAME.get(name));
            if (rule != null && "string".equals(property.path("type").asText())) {
                seen.add(rule.name());
                if (!rule.regex().equals(property.path("pattern").asText(null))) {
                    problems.add(where + ": pattern " + property.path("pattern") + ", want the " + rule.name()
                            + " rule " + rule.regex());
                }
                if (property.path("maxLength").asInt(-1) != rule.max()) {
                    problems.add(where + ": maxLength " + property.path("maxLength") + ", want " + rule.max());
                }
            } else if (property.has("pattern") && !OTHER_PATTERNS.contains(name)
                    && !Text.TEXT_REGEX.equals(property.get("pattern").asText())) {
                problems.add(where + ": a pattern that is neither one of Identifiers nor Text's");
            }
        });
        node.properties().forEach(child -> {
            if ("$defs".equals(child.getKey())) {
                child.getValue().properties().forEach(
                        def -> check(def.getValue(), def.getKey(), path + "/$defs/" + def.getKey(), problems, seen));
            } else if (!"properties".equals(child.getKey())) {
                check(child.getValue(), definition, path, problems, seen);
            }
        });
        node.path("properties").properties()
                .forEach(p -> check(p.getValue(), definition, path + "." + p.getKey(), problems, seen));
    }
}
