package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Records and schemas describe the same JSON: the example survives record → JSON → record unchanged. */
class RoundTripTest {

    // A plain mapper for trees, so that the comparison does not depend on EventJson's own settings.
    private static final ObjectMapper TREES = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleDeserialisesAndReserialisesToTheSameJson(EventType type) throws Exception {
        JsonNode example = ContractResources.exampleJson(type);

        // Strict: a field the record does not know must fail here, not vanish silently.
        EventPayload payload = EventJson.strictMapper().treeToValue(example, type.payloadClass());
        String written = EventJson.toJson(payload);

        assertThat(TREES.readTree(written)).isEqualTo(example);
        assertThat(ContractResources.validate(type, TREES.readTree(written))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void consumerReadsTheBytesByCeType(EventType type) {
        EventPayload example = EventJson.example(type);
        byte[] bytes = EventJson.toBytes(example);

        assertThat(EventJson.read(bytes, type.type())).isEqualTo(example);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("null");
    }
}
