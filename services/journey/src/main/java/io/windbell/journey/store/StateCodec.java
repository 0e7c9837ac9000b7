package io.windbell.journey.store;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;

import io.windbell.contracts.EventJson;
import io.windbell.journey.JourneyState;

/**
 * The journey state as the {@code state} column holds it: Smile, Jackson's binary JSON, with the contract settings of
 * {@link EventJson}. Only {@link JourneyStore} reads the column, so PostgreSQL does not need to understand it: as
 * {@code jsonb} every write was parsed by the server and every read rendered back to text (V4 says what that cost).
 * Rows written before V4 hold the JSON text as bytes, and reading still accepts them.
 */
final class StateCodec {

    private static final ObjectMapper SMILE = EventJson.configure(new SmileMapper());

    /** Smile's header, which the mapper writes first: {@code :)\n}. */
    private static final byte[] HEADER = { ':', ')', '\n' };

    private StateCodec() {
    }

    static byte[] write(JourneyState state) throws IOException {
        return SMILE.writeValueAsBytes(state);
    }

    static JourneyState read(byte[] stored) throws IOException {
        ObjectMapper mapper = isSmile(stored) ? SMILE : EventJson.mapper();
        return mapper.readValue(stored, JourneyState.class);
    }

    static boolean isSmile(byte[] stored) {
        return stored.length >= HEADER.length && stored[0] == HEADER[0] && stored[1] == HEADER[1]
                && stored[2] == HEADER[2];
    }
}
