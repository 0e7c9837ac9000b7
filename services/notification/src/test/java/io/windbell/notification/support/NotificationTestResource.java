package io.windbell.notification.support;

import java.util.HashMap;
import java.util.Map;

import io.windbell.testing.WindbellTestResource;

/** Real PostgreSQL (database {@code notification}) and Kafka for every {@code @QuarkusTest} of the service. */
public class NotificationTestResource extends WindbellTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.putIfAbsent("database", "notification");
        super.init(args);
    }
}
