package io.windbell.notification.renotify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.notification.delivery.DeliveryRequest;
import io.windbell.notification.endpoint.Endpoint;
import io.windbell.notification.endpoint.Endpoints;
import io.windbell.notification.intake.IntakeConfig;
import io.windbell.notification.preference.Preferences;
import io.windbell.notification.preference.Settings;
import io.windbell.notification.staff.StaffRegistry;
import io.windbell.notification.sweep.SweepConfig;
import io.windbell.notification.sweep.Swept;
import io.windbell.notification.template.Locales;
import io.windbell.notification.template.ReminderMessage;
import io.windbell.notification.template.Templates;

/**
 * Sends a critical inbox item nobody acknowledged within {@code after} once more, on a second channel: by e-mail when
 * the employee takes e-mail, an address is known and no e-mail of that event went to them already; else to the branch's
 * WeCom robots. Quiet hours do not apply. The item is marked {@code renotified_at} in the same transaction, claimed
 * {@code FOR UPDATE SKIP LOCKED}, so it is re-notified once whatever the replicas.
 */
@ApplicationScoped
public class Renotifier implements Swept {

    private static final Logger LOG = Logger.getLogger(Renotifier.class);

    private static final String CLAIM = """
            select id, employee_id, source_event_id, event_type, branch_id, title, body, link, created_at
            from inbox_item
            where critical and acknowledged_at is null and renotified_at is null and created_at <= :cutoff
            order by created_at, id
            limit :limit
            for update skip locked""";

    private record Item(UUID id, String employeeId, UUID eventId, String eventType, String branchId, String title,
            String body, String link, Instant createdAt) {
    }

    private final RenotifyConfig config;
    private final NotificationConfig service;
    private final IntakeConfig intake;
    private final Preferences preferences;
    private final StaffRegistry staff;
    private final Endpoints endpoints;
    private final Templates templates;
    private final Deliveries deliveries;

    public Renotifier(RenotifyConfig config, NotificationConfig service, IntakeConfig intake, Preferences preferences,
            StaffRegistry staff, Endpoints endpoints, Templates templates, Deliveries deliveries) {
        this.config = config;
        this.service = service;
        this.intake = intake;
        this.preferences = preferences;
        this.staff = staff;
        this.endpoints = endpoints;
        this.templates = templates;
        this.deliveries = deliveries;
    }

    @Override
    public SweepConfig sweepConfig() {
        return config;
    }

    /** One round at {@code now}, in its own transaction; whether more items may be waiting. */
    @Override
    public Uni<Boolean> run(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                        .setParameter("cutoff", now.minus(config.after())).setParameter("limit", config.batchSize())
                        .getResultList())
                .chain(rows -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        Item item = new Item((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
                                (String) row[4], (String) row[5], (String) row[6], (String) row[7], instant(row[8]));
                        all = all.chain(() -> renotify(item, now));
                    }
                    return all.replaceWith(rows.size() >= config.batchSize());
                }));
    }

    private Uni<Void> renotify(Item item, Instant now) {
        return preferences.of(item.employeeId())
                .chain(settings -> address(item, settings)
                        .chain(address -> address == null ? robots(item, now) : email(item, settings, address, now)))
                .chain(() -> Panache.getSession()
                        .chain(session -> session
                                .createNativeQuery("update inbox_item set renotified_at = :now where id = :id")
                                .setParameter("now", now).setParameter("id", item.id()).executeUpdate()))
                .replaceWithVoid();
    }

    /** The address to e-mail the reminder to, {@code null} when e-mail is no second channel for this item. */
    private Uni<String> address(Item item, Settings settings) {
        if (!settings.emailEnabled()) {
            return Uni.createFrom().nullItem();
        }
        Uni<String> address = settings.emailAddress() != null ? Uni.createFrom().item(settings.emailAddress())
                : staff.emailOf(item.employeeId());
        return address.chain(to -> to == null || to.isBlank() ? Uni.createFrom().nullItem()
                : Panache.getSession().chain(session -> session
                        .createNativeQuery(
                                "select count(*) from delivery where source_event_id = :event and recipient = :employee"
                                        + " and channel = 'EMAIL'",
                                Long.class)
                        .setParameter("event", item.eventId()).setParameter("employee", item.employeeId())
                        .getSingleResult()).map(emails -> emails == 0 ? to : null));
    }

    private Uni<Void> email(Item item, Settings settings, String address, Instant now) {
        var parts = templates.render(Templates.REMINDER, settings.locale(), reminder(item, now));
        Content content = new Content(settings.locale(), parts.subject(), parts.text(), parts.html(), null, null);
        // the event's own id: the employee's acknowledgement cancels it like any e-mail of the event
        return deliveries.enqueue(new DeliveryRequest(item.eventId(), item.eventType(), item.employeeId(),
                Channel.EMAIL, address, item.branchId(), true, content, null, null, false)).replaceWithVoid();
    }

    private Uni<Void> robots(Item item, Instant now) {
        String branch = item.branchId() == null ? intake.centralBranch() : item.branchId();
        String locale = Locales.supported(service.defaultLocale(), Locales.ZH_CN);
        String markdown = templates.render(Templates.REMINDER, locale, reminder(item, now)).markdown();
        // the robots may have had this event already: the reminder has an id of its own
        UUID id = UUID.nameUUIDFromBytes(
                ("reminder:" + item.eventId() + ":" + item.employeeId()).getBytes(StandardCharsets.UTF_8));
        return endpoints.receiving(item.eventType(), branch).chain(list -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            int robots = 0;
            for (Endpoint endpoint : list) {
                if (Endpoint.WECOM_ROBOT.equals(endpoint.kind())) {
                    robots++;
                    all = all.chain(() -> deliveries
                            .enqueue(new DeliveryRequest(id, item.eventType(), endpoint.id().toString(), Channel.WECOM,
                                    endpoint.url(), item.branchId(), true,
                                    new Content(locale, null, null, null, markdown, null), null, null, false))
                            .replaceWithVoid());
                }
            }
            if (robots == 0) {
                LOG.infof("critical item %s of employee %s is unacknowledged, but there is no second channel",
                        item.id(), item.employeeId());
            }
            return all;
        });
    }

    private static ReminderMessage reminder(Item item, Instant now) {
        return new ReminderMessage(item.title(), item.body(), item.employeeId(),
                Duration.between(item.createdAt(), now).toMinutes(), item.link());
    }

    private static Instant instant(Object value) {
        return switch (value) {
        case Instant instant -> instant;
        case java.time.OffsetDateTime offset -> offset.toInstant();
        case java.sql.Timestamp timestamp -> timestamp.toInstant();
        default -> throw new IllegalStateException("created_at is a " + value.getClass());
        };
    }
}
