package io.windbell.survey.response;

/**
 * The link cannot be used for what was asked: unknown (or forged: the two are indistinguishable), already answered, or
 * closed.
 *
 * @see RespondentService
 */
public class RespondentException extends RuntimeException {

    /** Why the link cannot be used. */
    public enum Kind {
        NOT_FOUND, ANSWERED, CLOSED
    }

    private final Kind kind;
    private final transient Respondent respondent;

    public RespondentException(Kind kind, Respondent respondent) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.respondent = respondent;
    }

    public Kind kind() {
        return kind;
    }

    /** The invitation behind the link; {@code null} for {@link Kind#NOT_FOUND}. */
    public Respondent respondent() {
        return respondent;
    }
}
