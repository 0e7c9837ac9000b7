package io.windbell.scoring.support;

import java.util.HashMap;
import java.util.Map;

import io.windbell.testing.WindbellTestResource;

/** The shared PostgreSQL and Kafka, with scoring's own database. */
public class ScoringTestResource extends WindbellTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "scoring");
        super.init(args);
    }
}
