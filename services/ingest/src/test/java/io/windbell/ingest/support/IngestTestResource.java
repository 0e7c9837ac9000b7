package io.windbell.ingest.support;

import java.util.Map;

import io.windbell.testing.WindbellTestResource;

/** The shared PostgreSQL and Kafka, with ingest's own database. */
public class IngestTestResource extends WindbellTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new java.util.HashMap<>(initArgs);
        args.put("database", "ingest");
        super.init(args);
    }
}
