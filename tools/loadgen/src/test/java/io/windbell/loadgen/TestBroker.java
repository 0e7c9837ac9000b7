package io.windbell.loadgen;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real single-node KRaft broker in the test JVM, with the topics a command test writes to already created. */
final class TestBroker {

    private TestBroker() {
    }

    /**
     * One broker for a test class: {@code @RegisterExtension static final TestBroker.PerClass KAFKA = new
     * TestBroker.PerClass(3, "topic", ...)}, started before its first test and closed after its last.
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private final int partitions;
        private final String[] topics;
        private KafkaClusterTestKit kafka;

        PerClass(int partitions, String... topics) {
            this.partitions = partitions;
            this.topics = topics;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            kafka = start(partitions, topics);
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            if (kafka != null) {
                kafka.close();
            }
        }

        String bootstrap() {
            return kafka.bootstrapServers();
        }
    }

    /** Starts the broker and creates {@code topics} with {@code partitions} each; topics are not auto-created. */
    static KafkaClusterTestKit start(int partitions, String... topics) throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                        .setBaseDirectory(Files.createTempDirectory("loadgen-kafka")).build())
                                .setConfigProp("offsets.topic.replication.factor", "1")
                                .setConfigProp("transaction.state.log.replication.factor", "1")
                                .setConfigProp("transaction.state.log.min.isr", "1")
                                .setConfigProp("auto.create.topics.enable", "false")
                                .setConfigProp("group.initial.rebalance.delay.ms", "0").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all()
                    .get();
        }
        return kafka;
    }
}
