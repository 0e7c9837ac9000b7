package io.windbell.survey.support;

import java.util.HashMap;
import java.util.Map;

import io.windbell.testing.WindbellTestResource;

/** The shared PostgreSQL and Kafka, with survey's own database. */
public class SurveyTestResource extends WindbellTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "survey");
        super.init(args);
    }
}
