package io.windbell.notification.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.notification.intake.Notice.Employee;
import io.windbell.notification.intake.Notice.Queue;
import io.windbell.notification.staff.StaffRegistry;

/**
 * The use case of a consumed work-order event, inside the kit's reactive transaction for the message: resolves who is
 * told ({@link Recipients}, a queue expanded to its known members), tells each of them ({@link StaffDispatch}) and
 * announces it to the branch's robots and webhooks ({@link EndpointDispatch}). Every write is keyed by the event id, so
 * a redelivery past the kit's inbox still adds nothing.
 */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);

    private final IntakeConfig config;
    private final StaffRegistry staff;
    private final StaffDispatch staffDispatch;
    private final EndpointDispatch endpointDispatch;

    public Intake(IntakeConfig config, StaffRegistry staff, StaffDispatch staffDispatch,
            EndpointDispatch endpointDispatch) {
        this.config = config;
        this.staff = staff;
        this.staffDispatch = staffDispatch;
        this.endpointDispatch = endpointDispatch;
    }

    public Uni<Void> apply(Envelope<EventPayload> envelope) {
        StaffEvent event = StaffEvent.of(envelope.id(), envelope.payload());
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        List<Notice> notices = Recipients.of(event, config.centralBranch());
        boolean critical = notices.stream().anyMatch(Notice::critical);
        return readers(notices).chain(readers -> {
            if (readers.isEmpty()) {
                LOG.debugf("%s of order %s: no known employee to tell", event.type(), event.order().workOrderId());
            }
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Map.Entry<String, Notice> reader : readers.entrySet()) {
                all = all.chain(() -> staffDispatch.notify(event, reader.getKey(), reader.getValue(), now));
            }
            return all;
        }).chain(() -> endpointDispatch.announce(event, Recipients.queueBranch(event.order(), config.centralBranch()),
                critical));
    }

    /** Each employee once, with the first notice naming them (a named employee before the queue they sit in). */
    private Uni<Map<String, Notice>> readers(List<Notice> notices) {
        Map<String, Notice> readers = new LinkedHashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Notice notice : notices) {
            all = all.chain(() -> switch (notice.addressee()) {
            case Employee employee -> {
                readers.putIfAbsent(employee.employeeId(), notice);
                yield Uni.createFrom().voidItem();
            }
            case Queue queue -> staff.membersOf(queue.branchId())
                    .invoke(members -> members.forEach(member -> readers.putIfAbsent(member, notice)))
                    .replaceWithVoid();
            });
        }
        return all.replaceWith(readers);
    }
}
