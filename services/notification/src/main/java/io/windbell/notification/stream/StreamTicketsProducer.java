package io.windbell.notification.stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one {@link StreamTickets} of the replica from its configuration (the class itself needs no CDI). */
public class StreamTicketsProducer {

    @Produces
    @Singleton
    StreamTickets streamTickets(StreamConfig config) {
        return new StreamTickets(config.ticketKey(), config.ticketLifetime());
    }
}
