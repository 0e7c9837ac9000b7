package io.windbell.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Loads the schemas and examples of the library from the classpath, as a consuming service would. */
final class ContractResources {

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation only; the contract promises uuid and date-time, so assert it.
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final ObjectMapper TREES = new ObjectMapper();

    private ContractResources() {
    }

    static JsonNode schemaJson(EventType type) {
        return readTree(type.schemaResource());
    }

    static JsonNode exampleJson(EventType type) {
        return readTree(type.exampleResource());
    }

    static JsonSchema schema(EventType type) {
        return FACTORY.getSchema(schemaJson(type), CONFIG);
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    /** The draft 2020-12 meta-schema, bundled in the validator jar (no network). */
    static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    }

    static JsonNode readTree(String resource) {
        try (InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return TREES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String resource) {
        return ContractResources.class.getClassLoader().getResource(resource) != null;
    }

    /** Follows a local {@code #/$defs/...} reference; returns other nodes unchanged. */
    static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        return root.at(ref.asText().substring(1));
    }
}
