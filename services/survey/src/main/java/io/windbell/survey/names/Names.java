package io.windbell.survey.names;

import java.util.Optional;

/** Display names piped into question texts, per locale. */
public interface Names {

    /** The kinds of things that have display names. */
    enum Kind {
        JOURNEY, TOUCHPOINT, PRODUCT, BRANCH, EMPLOYEE
    }

    /** The name of {@code code} in {@code locale}, if one is known. */
    Optional<String> name(Kind kind, String code, String locale);
}
