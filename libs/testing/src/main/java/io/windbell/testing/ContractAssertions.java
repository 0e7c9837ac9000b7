package io.windbell.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.windbell.contracts.EventType;

/** Contract checks for producers: what a service put on a topic validates against the schema in libs/contracts. */
public final class ContractAssertions {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // uuid and date-time are part of the contract, so formats are asserted, not only annotated
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private static final ObjectMapper TREES = new ObjectMapper();

    private ContractAssertions() {
    }

    /** Fails with every schema violation when {@code payload} is not a valid {@code type} event. */
    public static void assertValid(EventType type, byte[] payload) {
        Set<ValidationMessage> errors;
        try {
            errors = schema(type).validate(TREES.readTree(payload));
        } catch (IOException e) {
            throw new AssertionError("payload of " + type.type() + " is not JSON", e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(type.type() + " payload violates its schema: " + errors + "\n"
                    + new String(payload, StandardCharsets.UTF_8));
        }
    }

    /** Every schema violation of {@code payload} as a {@code type} event, in words; empty when it is valid. */
    public static List<String> violations(EventType type, JsonNode payload) {
        return schema(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schema(EventType type) {
        try (InputStream in = ContractAssertions.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema on the classpath for " + type.type());
            }
            JsonNode schema = TREES.readTree(in);
            return FACTORY.getSchema(schema, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
