package io.windbell.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.windbell.contracts.Topics;

/**
 * Creates the topics of the event catalog on a broker this module started, as the local stack and the cluster's
 * KafkaTopic resources do before any service starts: a consumer that subscribes to a topic that does not exist yet may
 * get no partitions until its next metadata refresh, minutes later.
 */
final class CatalogTopics {

    private CatalogTopics() {
    }

    static void create(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Topics.all().stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
