package io.windbell.notification.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.notification.delivery.DeliveryRequest;
import io.windbell.notification.sweep.SweepConfig;
import io.windbell.notification.sweep.Swept;
import io.windbell.notification.template.DigestMessage;
import io.windbell.notification.template.Locales;
import io.windbell.notification.template.Parts;
import io.windbell.notification.template.Templates;

/**
 * Sends each employee's digest of held low-priority e-mails once their {@code digest_at} has passed today in their
 * zone: one EMAIL delivery listing them, keyed by a name-based id of {@code digest:<employee>:<date>} (a second replica
 * or a rerun adds nothing), and the held ones become DIGESTED. A digest of date D takes what was held before D's digest
 * time; what is held later waits for D+1.
 */
@ApplicationScoped
public class Digests implements Swept {

    /** The event type of a digest delivery. */
    public static final String EVENT_TYPE = "digest";

    private static final String CLAIM = """
            select d.id, d.recipient, d.address, d.content, p.locale, coalesce(p.time_zone, :zone) as zone
            from delivery d join preference p on p.employee_id = d.recipient
            where d.status = 'HELD' and d.channel = 'EMAIL'
              and (cast(:now as timestamptz) at time zone coalesce(p.time_zone, :zone))::time >= p.digest_at
              and d.created_at < ((((cast(:now as timestamptz) at time zone coalesce(p.time_zone, :zone))::date
                  + p.digest_at)) at time zone coalesce(p.time_zone, :zone))
            order by d.recipient, d.created_at, d.id
            limit :limit
            for update of d skip locked""";

    private record Held(UUID id, String employeeId, String address, String subject, String locale, ZoneId zone) {
    }

    private final DigestConfig config;
    private final NotificationConfig service;
    private final Templates templates;
    private final Deliveries deliveries;

    public Digests(DigestConfig config, NotificationConfig service, Templates templates, Deliveries deliveries) {
        this.config = config;
        this.service = service;
        this.templates = templates;
        this.deliveries = deliveries;
    }

    @Override
    public SweepConfig sweepConfig() {
        return config;
    }

    /** One round at {@code now}, in its own transaction; whether more held deliveries may be due. */
    @Override
    public Uni<Boolean> run(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                        .setParameter("zone", service.timeZone().getId()).setParameter("now", now)
                        .setParameter("limit", config.batchSize()).getResultList())
                .chain(rows -> {
                    Map<String, List<Held>> byEmployee = new LinkedHashMap<>();
                    rows.stream().map(this::held)
                            .forEach(h -> byEmployee.computeIfAbsent(h.employeeId(), e -> new ArrayList<>()).add(h));
                    boolean full = rows.size() >= config.batchSize();
                    if (full && byEmployee.size() > 1) {
                        // the batch may have cut the last employee's items: their digest waits for the next round
                        byEmployee.remove(byEmployee.keySet().stream().reduce((a, b) -> b).orElseThrow());
                    }
                    Uni<Boolean> sent = Uni.createFrom().item(false);
                    for (List<Held> items : byEmployee.values()) {
                        sent = sent.chain(before -> send(items, now).map(inserted -> before || inserted));
                    }
                    // a full batch of items whose digest of today went out already is no reason to come back at once
                    return sent.map(any -> full && any);
                }));
    }

    /**
     * Sends one employee's digest; {@code false} when their digest of today went out already (the items then wait for
     * tomorrow's, e.g. after the digest time moved later today).
     */
    private Uni<Boolean> send(List<Held> items, Instant now) {
        Held last = items.getLast();
        LocalDate date = now.atZone(last.zone()).toLocalDate();
        Parts parts = templates.render(Templates.DIGEST, last.locale(),
                new DigestMessage(date.toString(), items.stream().map(Held::subject).toList()));
        UUID id = UUID.nameUUIDFromBytes(("digest:" + last.employeeId() + ":" + date).getBytes(StandardCharsets.UTF_8));
        Content content = new Content(last.locale(), parts.subject(), parts.text(), parts.html(), null, null);
        return deliveries
                .enqueue(new DeliveryRequest(id, EVENT_TYPE, last.employeeId(), Channel.EMAIL, last.address(), null,
                        false, content, null, null, false))
                .chain(inserted -> !inserted ? Uni.createFrom().item(false)
                        : Panache.getSession().chain(session -> session.createNativeQuery(
                                "update delivery set status = 'DIGESTED', updated_at = :now, version = version + 1"
                                        + " where id in (:ids) and status = 'HELD'")
                                .setParameter("now", now).setParameter("ids", items.stream().map(Held::id).toList())
                                .executeUpdate()).replaceWith(true));
    }

    private Held held(Object[] row) {
        String subject;
        try {
            subject = EventJson.mapper().readValue((String) row[3], Content.class).subject();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a held delivery's content does not read", e);
        }
        return new Held((UUID) row[0], (String) row[1], (String) row[2], subject,
                Locales.supported((String) row[4], service.defaultLocale()), ZoneId.of((String) row[5]));
    }
}
