package io.windbell.e2e.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The header and claims of a compact JWT, decoded without any check (for assertions on what the realm issues). */
public final class Claims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Claims() {
    }

    public static Map<String, Object> of(String jwt) {
        return part(jwt, 1);
    }

    public static Map<String, Object> header(String jwt) {
        return part(jwt, 0);
    }

    private static Map<String, Object> part(String jwt, int index) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
