package io.windbell.contracts;

/** The data of one catalog event; every payload record knows the Kafka key that keeps its stream in order. */
public interface EventPayload {

    /**
     * The Kafka record key, also sent as {@code ce_subject}. The rule per topic is on the {@link Topics} constants: one
     * key per stream whose order matters (a customer, a work order).
     */
    String partitionKey();
}
