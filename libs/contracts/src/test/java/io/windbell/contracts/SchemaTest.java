package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every schema is a valid draft 2020-12 schema, accepts its example and rejects broken variants of it. */
class SchemaTest {

    private static final List<String> CHECKED_FORMATS = List.of("uuid", "date-time");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidDraft202012SchemaIdentifiedByItsDataSchema(EventType type) {
        JsonNode schema = ContractResources.schemaJson(type);
        assertThat(ContractResources.metaSchema().validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(CloudEvents.dataSchema(type.type()));
        assertThat(schema.path("title").asText()).isEqualTo(type.type());
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleValidates(EventType type) {
        assertThat(ContractResources.validate(type, ContractResources.exampleJson(type))).isEmpty();
    }

    /**
     * Variants generated from the example: each required field removed, an unknown field added, and every enum, uuid,
     * date-time and patterned value anywhere in the tree replaced by garbage. Each must fail, so the schema really
     * checks.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void brokenVariantsOfTheExampleFail(EventType type) {
        JsonNode schema = ContractResources.schemaJson(type);
        ObjectNode example = (ObjectNode) ContractResources.exampleJson(type);
        Map<String, JsonNode> variants = new HashMap<>();

        schema.path("required").forEach(field -> variants.put("without " + field.asText(),
                mutate(example, copy -> copy.remove(field.asText()))));
        variants.put("with an unknown field", mutate(example, copy -> copy.put("unexpectedField", "x")));
        collectValueMutations(example, schema, schema, "", variants);

        assertThat(variants).hasSizeGreaterThan(3);
        List<String> accepted = new ArrayList<>();
        variants.forEach((name, variant) -> {
            if (ContractResources.validate(type, variant).isEmpty()) {
                accepted.add(name);
            }
        });
        assertThat(accepted).as("broken variants the schema accepted").isEmpty();
    }

    @Test
    void answerValueMustMatchItsQuestionType() {
        EventType type = EventType.SURVEY_RESPONDED;
        JsonNode example = ContractResources.exampleJson(type);
        Map<String, Consumer<ObjectNode>> breakages = Map.of("NPS score 11", r -> answer(r, 0).put("score", 11),
                "NPS answer with text", r -> answer(r, 0).put("text", "great"), "CES score 0",
                r -> answer(r, 1).put("score", 0), "multiple choice without choices",
                r -> answer(r, 2).remove("choices"), "single choice with two choices",
                r -> answer(r, 2).put("type", "SINGLE_CHOICE"), "open text without text",
                r -> answer(r, 3).remove("text"), "anchor NPS score 11", r -> r.put("anchorScore", 11),
                "anchor CSAT score 0", r -> r.put("anchorMetric", "CSAT").put("anchorScore", 0));
        breakages.forEach((name, breakage) -> assertThat(ContractResources.validate(type, mutate(example, breakage)))
                .as(name).isNotEmpty());
    }

    @Test
    void touchpointNeedsACustomerOrAnAnonymousId() {
        EventType type = EventType.TOUCHPOINT_RECORDED;
        JsonNode example = ContractResources.exampleJson(type);
        // The example has no anonymousId: without customerId it names nobody.
        assertThat(ContractResources.validate(type, mutate(example, r -> r.remove("customerId")))).isNotEmpty();
        JsonNode anonymous = mutate(example, r -> {
            r.remove("customerId");
            r.put("anonymousId", "dev-5b0e2c7a9d41f3e8");
        });
        assertThat(ContractResources.validate(type, anonymous)).isEmpty();
    }

    /** Shared structures are copied into each schema (so each stands alone); the copies must not drift. */
    @Test
    void sharedDefinitionsAreIdenticalInEverySchema() {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, EventType> firstIn = new HashMap<>();
        for (EventType type : EventType.values()) {
            ContractResources.schemaJson(type).path("$defs").properties().forEach(def -> {
                JsonNode known = first.putIfAbsent(def.getKey(), def.getValue());
                firstIn.putIfAbsent(def.getKey(), type);
                assertThat(def.getValue())
                        .as("$defs/%s in %s differs from %s", def.getKey(), type.type(), firstIn.get(def.getKey()))
                        .isEqualTo(known == null ? def.getValue() : known);
            });
        }
        assertThat(first).containsKeys("JourneySummary", "TouchpointVisit", "WorkOrderSummary");
    }

    private static ObjectNode answer(ObjectNode response, int index) {
        return (ObjectNode) response.withArray("/answers").get(index);
    }

    private static JsonNode mutate(JsonNode example, Consumer<ObjectNode> change) {
        ObjectNode copy = example.deepCopy();
        change.accept(copy);
        return copy;
    }

    /** Walks the example next to its schema and records one broken variant per constrained string value. */
    private static void collectValueMutations(JsonNode root, JsonNode schemaRoot, JsonNode schema, String pointer,
            Map<String, JsonNode> variants) {
        JsonNode resolved = ContractResources.resolve(schema, schemaRoot);
        JsonNode value = root.at(pointer);
        if (value.isObject()) {
            value.properties().forEach(field -> {
                JsonNode propertySchema = resolved.path("properties").path(field.getKey());
                if (!propertySchema.isMissingNode()) {
                    collectValueMutations(root, schemaRoot, propertySchema, pointer + "/" + field.getKey(), variants);
                }
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collectValueMutations(root, schemaRoot, resolved.path("items"), pointer + "/" + i, variants);
            }
        } else if (value.isTextual()) {
            String format = resolved.path("format").asText();
            if (resolved.has("enum")) {
                variants.put(pointer + " not in enum", replace(root, pointer, "NOT_AN_ENUM_VALUE"));
            } else if (CHECKED_FORMATS.contains(format)) {
                variants.put(pointer + " not a " + format, replace(root, pointer, "not-a-" + format));
            } else if (Text.TEXT_REGEX.equals(resolved.path("pattern").asText())) {
                variants.put(pointer + " with a NUL", replace(root, pointer, "sess\u0000ion"));
            } else if (resolved.has("pattern")) {
                variants.put(pointer + " against its pattern", replace(root, pointer, "no spaces@or/slashes"));
            }
        }
    }

    private static JsonNode replace(JsonNode root, String pointer, String text) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), text);
        } else {
            ((ObjectNode) parent).put(last, text);
        }
        return copy;
    }
}
