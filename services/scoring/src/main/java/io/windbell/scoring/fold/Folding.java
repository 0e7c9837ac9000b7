package io.windbell.scoring.fold;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.reference.BranchDirectory;
import io.windbell.scoring.reference.CustomerProfiles;

/**
 * Applies one batch of one topic to every {@link Fold} that reads it, on the batch's transaction: first the customer
 * profiles the touchpoints carry, then the attribution of the batch's customers, then each fold in the order of its
 * class name (stable, so that two replicas lock rows in the same order).
 */
@ApplicationScoped
public class Folding {

    private final CustomerProfiles profiles;
    private final BranchDirectory branches;
    private final List<Fold> folds;
    private final ScoringConfig config;

    public Folding(CustomerProfiles profiles, BranchDirectory branches, Instance<Fold> folds, ScoringConfig config) {
        this.profiles = profiles;
        this.branches = branches;
        this.folds = folds.stream().sorted(Comparator.comparing(fold -> fold.getClass().getName())).toList();
        this.config = config;
    }

    public void apply(String topic, Connection connection, List<Envelope<EventPayload>> fresh, Instant now)
            throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> customers = new HashSet<>();
        List<TouchpointRecorded> touchpoints = new ArrayList<>();
        for (Envelope<EventPayload> envelope : fresh) {
            EventPayload payload = envelope.payload();
            if (payload instanceof TouchpointRecorded touchpoint) {
                touchpoints.add(touchpoint);
                if (touchpoint.customerId() != null) {
                    customers.add(touchpoint.customerId());
                }
            } else {
                String customer = customerOf(payload);
                if (customer != null) {
                    customers.add(customer);
                }
            }
        }
        if (Topics.TOUCHPOINT_EVENTS.equals(topic)) {
            profiles.update(connection, touchpoints);
        }
        Attribution attribution = new Attribution(profiles.load(connection, customers), branches.regions(),
                config.timeZone());
        FoldBatch batch = new FoldBatch(topic, fresh, now, attribution);
        for (Fold fold : folds) {
            if (fold.reads(topic)) {
                fold.apply(connection, batch);
            }
        }
    }

    /** The customer an event is about: the partition key of every topic scoring reads but touchpoints. */
    private static String customerOf(EventPayload payload) {
        return payload.partitionKey();
    }
}
