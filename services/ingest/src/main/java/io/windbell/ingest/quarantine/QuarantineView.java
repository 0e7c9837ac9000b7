package io.windbell.ingest.quarantine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.Violation;

/**
 * A quarantined event as the API shows it to CX admins. The payload is the text as sent when it is valid UTF-8 that
 * {@link Text} accepts ({@code payloadEncoding} {@code utf-8}); otherwise, a NUL or broken bytes, it is the exact bytes
 * in base64 ({@code payloadEncoding} {@code base64}), so that nothing is lost or altered on the way to the reader and
 * no control character reaches their terminal.
 */
public record QuarantineView(UUID id, Instant receivedAt, String clientId, String contentType, Integer batchIndex,
        String eventId, String channel, List<Violation> violations, String payload, String payloadEncoding,
        boolean payloadTruncated) {

    public static final String UTF_8 = "utf-8";
    public static final String BASE64 = "base64";

    static QuarantineView of(QuarantinedEvent q) {
        byte[] bytes = q.payloadBytes != null ? q.payloadBytes
                : q.payload == null ? new byte[0] : q.payload.getBytes(StandardCharsets.UTF_8);
        String text = acceptableText(bytes);
        return new QuarantineView(q.id, q.receivedAt, q.clientId, q.contentType, q.batchIndex, q.eventId, q.channel,
                q.reasons == null ? List.of() : q.reasons.violations(),
                text != null ? text : Base64.getEncoder().encodeToString(bytes), text != null ? UTF_8 : BASE64,
                q.payloadTruncated);
    }

    /** The bytes as text, or null when they are not strict UTF-8 or hold a character {@link Text} refuses. */
    static String acceptableText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Text.isAcceptable(text) ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
