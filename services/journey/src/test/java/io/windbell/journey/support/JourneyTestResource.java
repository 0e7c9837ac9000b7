package io.windbell.journey.support;

import java.util.HashMap;
import java.util.Map;

import io.windbell.testing.WindbellTestResource;

/** The shared PostgreSQL and Kafka, with journey's own database. */
public class JourneyTestResource extends WindbellTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "journey");
        super.init(args);
    }
}
