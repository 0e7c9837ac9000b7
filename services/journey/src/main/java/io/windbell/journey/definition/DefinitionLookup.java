package io.windbell.journey.definition;

import java.util.List;
import java.util.Optional;

/** Read access to journey definitions on the hot path: answers from memory, never from the database. */
public interface DefinitionLookup {

    /** The active version of every journey that is not retired. */
    List<JourneyDefinition> active();

    /** Any stored version, active or not: an instance keeps following the version it started on. */
    Optional<JourneyDefinition> find(String code, int version);
}
