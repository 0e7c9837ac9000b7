package io.windbell.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders the per-type field tables of {@code docs/events.md} from the schemas, so the document cannot drift from the
 * contracts. The hand-written prose around the generated block is left alone.
 */
final class EventCatalogDoc {

    static final String BEGIN = "<!-- BEGIN GENERATED from libs/contracts schemas by EventCatalogDocTest; do not edit -->";
    static final String END = "<!-- END GENERATED -->";

    private EventCatalogDoc() {
    }

    /** The generated block, markers included. */
    static String render() {
        StringBuilder out = new StringBuilder(BEGIN).append("\n\n## Event types\n");
        Map<String, JsonNode> shared = new LinkedHashMap<>();
        for (String topic : Topics.all()) {
            out.append("\n### `").append(topic).append("`\n");
            for (EventType type : EventType.onTopic(topic)) {
                JsonNode schema = ContractResources.schemaJson(type);
                schema.path("$defs").properties().forEach(def -> shared.putIfAbsent(def.getKey(), def.getValue()));
                out.append("\n#### `").append(type.type()).append("`\n\n").append(schema.path("description").asText())
                        .append("\n\n").append("Record `")
                        .append(type.payloadClass().getName().replace("io.windbell.contracts.", "")).append("` · key `")
                        .append(type.keyField()).append("` · schema `").append(type.schemaResource())
                        .append("` · example `").append(type.exampleResource()).append("`\n\n");
                table(schema, out);
            }
        }
        out.append("\n## Shared structures\n");
        new TreeSet<>(shared.keySet()).forEach(name -> {
            JsonNode def = shared.get(name);
            out.append("\n### ").append(name).append("\n\n").append(def.path("description").asText()).append("\n");
            if (def.has("properties")) { // AttributeValue is any JSON value: no fields to list
                table(def, out.append("\n"));
            }
        });
        identifierFields(out);
        return out.append("\n").append(END).toString();
    }

    /** One row per pattern the schemas use, with every field that carries it. */
    private static void identifierFields(StringBuilder out) {
        Map<String, Set<String>> fieldsByRule = new TreeMap<>();
        for (EventType type : EventType.values()) {
            collectPatterns(ContractResources.schemaJson(type), "", fieldsByRule);
        }
        out.append("\n## Identifier and code fields\n\n")
                .append("Patterns (ECMA-262, anchored) and maximum lengths of the fields that hold ids, codes and ")
                .append("locales; every pattern but the BCP 47 locale is a constant of ")
                .append("`io.windbell.contracts.Identifiers`, which the services validate with. Every other string ")
                .append("(free text, attribute keys and values) carries the text rule `io.windbell.contracts.Text` as ")
                .append("its pattern, `").append(cell(Text.TEXT_REGEX)).append("`: no NUL, no control characters ")
                .append("but tab and line breaks, no U+FFFE/U+FFFF; unpaired surrogates, which a pattern cannot ")
                .append("name, are refused by `io.windbell.contracts.EventContent`.\n\n")
                .append("| pattern | max length | fields |\n|---|---|---|\n");
        fieldsByRule.forEach((rule, fields) -> {
            int tab = rule.indexOf('\t');
            out.append("| `").append(cell(rule.substring(tab + 1))).append("` | ").append(rule, 0, tab).append(" | ")
                    .append(String.join(", ", fields)).append(" |\n");
        });
    }

    private static void collectPatterns(JsonNode node, String owner, Map<String, Set<String>> fieldsByRule) {
        if (node.isArray()) {
            node.forEach(item -> collectPatterns(item, owner, fieldsByRule));
        } else if (node.isObject()) {
            node.properties().forEach(child -> {
                if ("$defs".equals(child.getKey())) {
                    child.getValue().properties()
                            .forEach(def -> collectPatterns(def.getValue(), def.getKey() + ".", fieldsByRule));
                } else if ("properties".equals(child.getKey())) {
                    child.getValue().properties().forEach(p -> {
                        if (p.getValue().has("pattern")
                                && !Text.TEXT_REGEX.equals(p.getValue().get("pattern").asText())) {
                            String rule = p.getValue().path("maxLength").asInt() + "\t"
                                    + p.getValue().get("pattern").asText();
                            fieldsByRule.computeIfAbsent(rule, r -> new TreeSet<>())
                                    .add("`" + owner + p.getKey() + "`");
                        }
                        collectPatterns(p.getValue(), owner, fieldsByRule);
                    });
                } else {
                    collectPatterns(child.getValue(), owner, fieldsByRule);
                }
            });
        }
    }

    private static void table(JsonNode objectSchema, StringBuilder out) {
        Set<String> required = new TreeSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        out.append("| field | type | required | description |\n|---|---|---|---|\n");
        objectSchema.path("properties").properties()
                .forEach(p -> out.append("| `").append(p.getKey()).append("` | ").append(typeOf(p.getValue()))
                        .append(" | ").append(required.contains(p.getKey()) ? "yes" : "").append(" | ")
                        .append(cell(p.getValue().path("description").asText())).append(" |\n"));
    }

    private static String typeOf(JsonNode property) {
        if (property.has("$ref")) {
            String name = property.get("$ref").asText().replace("#/$defs/", "");
            return "[" + name + "](#" + name.toLowerCase() + ")";
        }
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            return String.join(" \\| ", values);
        }
        String type = property.path("type").asText();
        if ("array".equals(type)) {
            return "array of " + typeOf(property.path("items"));
        }
        return property.has("format") ? type + " (" + property.get("format").asText() + ")" : type;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
