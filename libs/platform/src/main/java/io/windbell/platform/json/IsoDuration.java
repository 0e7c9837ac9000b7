package io.windbell.platform.json;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes durations as ISO-8601 the way people write them: whole days as {@code P3D} (Java's own form would be
 * {@code PT72H}), anything else as {@link Duration#toString()}, e.g. {@code PT10M}.
 */
public final class IsoDuration extends StdSerializer<Duration> {

    private static final long DAY = 86_400;

    public IsoDuration() {
        super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(format(value));
    }

    public static String format(Duration d) {
        if (d.isPositive() && d.getNano() == 0 && d.getSeconds() % DAY == 0) {
            return "P" + d.getSeconds() / DAY + "D";
        }
        return d.toString();
    }
}
