package io.windbell.platform.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.windbell.contracts.Text;

/**
 * Makes every request body of every service strict, so that what a client sends is what is stored or it is refused with
 * a field violation:
 * <ul>
 * <li>a duplicate key is an error ({@code {"score":99,"score":7}} would otherwise silently mean 7);</li>
 * <li>an unknown field is an error (a misspelt {@code scalemax} would otherwise silently drop the scale);</li>
 * <li>no scalar is coerced: {@code "score":3.5} does not become 3, {@code "score":"5"} is not a number, {@code 1} is
 * not {@code true}, {@code 5} is not a string and not an enum constant;</li>
 * <li>a string (value or object key) that {@link Text#isAcceptable} refuses is an error, so nothing unstorable gets
 * past deserialisation.</li>
 * </ul>
 * Applied last ({@link #MINIMUM_PRIORITY}), after Quarkus's own settings, which would switch unknown fields back on.
 * The mapper is Quarkus's, so ingest's intake reader gets the duplicate-key rule too; events on Kafka are read by
 * {@code EventJson}'s tolerant mapper, which this does not touch.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.DateTime }) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("windbell-text").addDeserializer(String.class, new TextDeserializer())
                .addKeyDeserializer(String.class, new TextKeyDeserializer()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** A string value that {@link Text#isAcceptable} refuses; its message is {@link Text#RULE}. */
    public static final class RefusedText extends InvalidFormatException {

        RefusedText(JsonParser parser, String value) {
            super(parser, Text.RULE, value, String.class);
        }
    }

    /**
     * Whether {@code parser} reads JSON text (a request body), not a value already in memory: {@code convertValue} and
     * {@code treeToValue} re-read what a caller holds and has judged itself (ingest's validator converts an event's
     * attributes and reports their strings as field violations of its own), so the rule is not applied twice there.
     */
    static boolean readsInput(JsonParser parser) {
        return parser.getClass().getDeclaringClass() != TokenBuffer.class && !(parser instanceof TreeTraversingParser);
    }

    /** Jackson's own string reading (and its coercion rules), then the {@link Text} check. */
    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (readsInput(parser) && !Text.isAcceptable(value)) {
                throw new RefusedText(parser, value);
            }
            return value;
        }
    }

    /** Object keys (e.g. the locales of a names map) follow the same rule as values. */
    static final class TextKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (readsInput(context.getParser()) && !Text.isAcceptable(key)) {
                throw new RefusedText(context.getParser(), key);
            }
            return key;
        }
    }
}
