package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Java records and the JSON Schemas are written by hand side by side; this walks both and reports every field, enum
 * constant or JSON type that one has and the other lacks.
 */
class SchemaRecordParityTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordAndSchemaHaveTheSameFieldsTypesAndEnums(EventType type) {
        JsonNode schema = ContractResources.schemaJson(type);
        List<String> problems = new ArrayList<>();
        compareRecord(type.payloadClass(), schema, schema, type.type(), problems);
        assertThat(problems).isEmpty();
    }

    private static void compareRecord(Class<?> record, JsonNode objectSchema, JsonNode root, String path,
            List<String> problems) {
        if (!"object".equals(objectSchema.path("type").asText())) {
            problems.add(path + ": schema is not an object");
            return;
        }
        Set<String> components = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> properties = new TreeSet<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!components.equals(properties)) {
            problems.add(path + ": record " + components + " vs schema " + properties);
        }
        Set<String> required = new TreeSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            String childPath = path + "." + component.getName();
            JsonNode property = objectSchema.path("properties").path(component.getName());
            if (property.isMissingNode()) {
                continue;
            }
            // A primitive can never be absent in JSON written from a record, so the schema must require it.
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                problems.add(childPath + ": primitive but not required");
            }
            compareType(component.getGenericType(), ContractResources.resolve(property, root), root, childPath,
                    problems);
        }
    }

    private static void compareType(Type type, JsonNode schema, JsonNode root, String path, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String jsonType = schema.path("type").asText();
        if (raw.isRecord()) {
            compareRecord(raw, schema, root, path, problems);
        } else if (raw.isEnum()) {
            Set<String> constants = new TreeSet<>();
            Arrays.stream(raw.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
            Set<String> allowed = new TreeSet<>();
            schema.path("enum").forEach(v -> allowed.add(v.asText()));
            if (!constants.equals(allowed)) {
                problems.add(path + ": enum " + constants + " vs schema " + allowed);
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(path, jsonType, "array", problems);
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            compareType(element, ContractResources.resolve(schema.path("items"), root), root, path + "[]", problems);
        } else {
            expect(path, jsonType, jsonTypeOf(raw), problems);
            String format = formatOf(raw);
            if (format != null) {
                expect(path + " format", schema.path("format").asText(), format, problems);
            }
        }
    }

    private static String jsonTypeOf(Class<?> raw) {
        Map<Class<?>, String> types = Map.ofEntries(Map.entry(String.class, "string"), Map.entry(UUID.class, "string"),
                Map.entry(Instant.class, "string"), Map.entry(OffsetDateTime.class, "string"),
                Map.entry(int.class, "integer"), Map.entry(Integer.class, "integer"), Map.entry(long.class, "integer"),
                Map.entry(Long.class, "integer"), Map.entry(double.class, "number"), Map.entry(Double.class, "number"),
                Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"),
                Map.entry(Map.class, "object"));
        return types.getOrDefault(raw, "unmapped Java type " + raw.getName());
    }

    private static String formatOf(Class<?> raw) {
        if (raw == UUID.class) {
            return "uuid";
        }
        return raw == Instant.class || raw == OffsetDateTime.class ? "date-time" : null;
    }

    private static void expect(String path, String actual, String expected, List<String> problems) {
        if (!expected.equals(actual)) {
            problems.add(path + ": schema says '" + actual + "', record needs '" + expected + "'");
        }
    }
}
