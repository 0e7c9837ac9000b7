package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every string a schema admits is constrained: by an identifier {@code pattern}, an {@code enum}, a {@code format}, or
 * else the text rule of {@link Text}, so that a field added later cannot forget it; free-form maps carry the rule on
 * their keys too.
 */
class SchemaTextTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyStringOfEverySchemaHasAPatternAnEnumOrAFormat(EventType type) {
        List<String> unconstrained = new ArrayList<>();
        walk(ContractResources.schemaJson(type), type.type(), unconstrained);
        assertThat(unconstrained).as("strings without pattern, enum or format").isEmpty();
    }

    @Test
    void theSchemaPatternIsTheJavaConstant() {
        JsonNode schema = ContractResources.schemaJson(EventType.TOUCHPOINT_RECORDED);
        assertThat(schema.at("/properties/sessionId/pattern").asText()).isEqualTo(Text.TEXT_REGEX);
        assertThat(schema.at("/properties/attributes/propertyNames/pattern").asText()).isEqualTo(Text.TEXT_REGEX);
        assertThat(schema.at("/$defs/AttributeValue/pattern").asText()).isEqualTo(Text.TEXT_REGEX);
        // and every free-text pattern anywhere is exactly that constant, not a copy that drifted
        for (EventType each : EventType.values()) {
            ContractResources.schemaJson(each).findValues("pattern").stream().map(JsonNode::asText)
                    .filter(p -> p.startsWith("^[^")).forEach(p -> assertThat(p).isEqualTo(Text.TEXT_REGEX));
        }
    }

    @Test
    void aTouchpointWithARefusedCharacterAnywhereFailsItsSchema() {
        EventType type = EventType.TOUCHPOINT_RECORDED;
        ObjectNode example = (ObjectNode) ContractResources.exampleJson(type);
        assertThat(ContractResources.validate(type, example)).isEmpty();

        ObjectNode inSession = example.deepCopy().put("sessionId", "sess\u0000ion");
        ObjectNode inErrorCode = example.deepCopy().put("errorCode", "E\u001b[31m");
        ObjectNode inAttributeValue = example.deepCopy();
        inAttributeValue.putObject("attributes").putObject("device").putArray("tags").add("ok").add("\uFFFF");
        ObjectNode inAttributeKey = example.deepCopy();
        inAttributeKey.putObject("attributes").put("we\u0000ird", "x");
        ObjectNode inNestedKey = example.deepCopy();
        inNestedKey.putObject("attributes").putObject("device").put("o\u0007s", "iOS");

        for (ObjectNode broken : List.of(inSession, inErrorCode, inAttributeValue, inAttributeKey, inNestedKey)) {
            assertThat(ContractResources.validate(type, broken)).as(broken.toString()).isNotEmpty();
        }
        ObjectNode fine = example.deepCopy();
        fine.putObject("attributes").put("备注", "tab\tand\nlines \uD83D\uDE00").putArray("list").add(1).add("x");
        assertThat(ContractResources.validate(type, fine)).isEmpty();
    }

    /** Records every string-typed schema node below {@code node} that carries no constraint on its characters. */
    private static void walk(JsonNode node, String where, List<String> unconstrained) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", unconstrained);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("type");
        boolean string = type != null && (type.isTextual() ? type.asText().equals("string")
                : type.isArray() && type.toString().contains("\"string\""));
        if (string && !node.has("pattern") && !node.has("enum") && !node.has("format") && !node.has("const")) {
            unconstrained.add(where);
        }
        boolean openMap = node.has("additionalProperties") && !node.get("additionalProperties").isBoolean();
        if (openMap && !Text.TEXT_REGEX.equals(node.at("/propertyNames/pattern").asText())) {
            unconstrained.add(where + " (its keys)");
        }
        node.properties().forEach(child -> walk(child.getValue(), where + "/" + child.getKey(), unconstrained));
    }
}
