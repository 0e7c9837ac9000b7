package io.windbell.platform.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Takes credentials out of every log record before a handler writes it ({@link Redaction}): the message as formatted
 * with its parameters, and the messages of the thrown exception and its causes. This covers the framework's own lines
 * too, e.g. Quarkus's {@code HTTP Request to /v1/s/<token> failed, error id: ...} and the access log, which a service
 * cannot change at the source. Enabled on every handler by libs/platform's
 * {@code META-INF/microprofile-config.properties} ({@code quarkus.log.*.filter=windbell-redaction}). Never drops a
 * record.
 */
@LoggingFilter(name = RedactingLogFilter.NAME)
public final class RedactingLogFilter implements Filter {

    public static final String NAME = "windbell-redaction";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = Redaction.redact(message);
        if (redacted != null && !redacted.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && holdsCredential(thrown)) {
            record.setThrown(RedactedThrowable.of(thrown));
        }
        return true;
    }

    private static boolean holdsCredential(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t.toString();
            if (!text.equals(Redaction.redact(text))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stands in for a logged exception whose message held a credential: prints as the original would ({@code class:
     * message}, the same stack trace and causes), with the messages redacted.
     */
    static final class RedactedThrowable extends RuntimeException {

        private final String text;

        private RedactedThrowable(String text, Throwable cause) {
            super(null, cause, true, true);
            this.text = text;
        }

        static Throwable of(Throwable original) {
            return copy(original, 0);
        }

        private static Throwable copy(Throwable original, int depth) {
            Throwable cause = original.getCause();
            Throwable copiedCause = cause == null || cause == original || depth > 20 ? null : copy(cause, depth + 1);
            RedactedThrowable copy = new RedactedThrowable(Redaction.redact(original.toString()), copiedCause);
            copy.setStackTrace(original.getStackTrace());
            for (Throwable suppressed : original.getSuppressed()) {
                copy.addSuppressed(copy(suppressed, depth + 1));
            }
            return copy;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public String getMessage() {
            return text;
        }
    }
}
