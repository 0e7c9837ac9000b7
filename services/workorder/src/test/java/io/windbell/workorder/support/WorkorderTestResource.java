package io.windbell.workorder.support;

import java.util.HashMap;
import java.util.Map;

import io.windbell.testing.WindbellTestResource;

/** Real PostgreSQL (database {@code workorder}) and Kafka for every {@code @QuarkusTest} of the service. */
public class WorkorderTestResource extends WindbellTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "workorder");
        super.init(args);
    }
}
