package io.windbell.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The default: PostgreSQL from the zonky binaries and a KRaft broker inside this JVM. No Docker needed. */
record EmbeddedServers() implements ServerSource {

    private static final String SUPERUSER = "postgres";

    @Override
    public PostgresServer postgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
            Shutdown.onExit(pg);
            return new PostgresServer("127.0.0.1", pg.getPort(), SUPERUSER, SUPERUSER);
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public String kafka() {
        try {
            Path dir = Files.createTempDirectory("windbell-kafka");
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                    .setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir).build())
                            .setConfigProp("offsets.topic.replication.factor", "1")
                            .setConfigProp("transaction.state.log.replication.factor", "1")
                            .setConfigProp("transaction.state.log.min.isr", "1").setConfigProp("num.partitions", "3")
                            .setConfigProp("auto.create.topics.enable", "true")
                            .setConfigProp("group.initial.rebalance.delay.ms", "0").build();
            kit.format();
            kit.startup();
            Shutdown.onExit(kit);
            kit.waitForReadyBrokers();
            CatalogTopics.create(kit.bootstrapServers());
            return kit.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("in-JVM Kafka broker did not start", e);
        }
    }
}
