package io.windbell.notification.intake;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.notification.delivery.DeliveryRequest;
import io.windbell.notification.inbox.Inbox;
import io.windbell.notification.inbox.InboxEntry;
import io.windbell.notification.preference.Preferences;
import io.windbell.notification.preference.Settings;
import io.windbell.notification.staff.StaffRegistry;
import io.windbell.notification.template.Parts;
import io.windbell.notification.template.Templates;

/**
 * Tells one employee of one event, inside the message's transaction: an inbox item in their language, and an e-mail
 * when their preferences allow it and an address is known — deferred to the end of their quiet hours unless critical,
 * held for their digest when it is LOW and they asked for one.
 */
@ApplicationScoped
public class StaffDispatch {

    private final Preferences preferences;
    private final StaffRegistry staff;
    private final Templates templates;
    private final Inbox inbox;
    private final Deliveries deliveries;

    public StaffDispatch(Preferences preferences, StaffRegistry staff, Templates templates, Inbox inbox,
            Deliveries deliveries) {
        this.preferences = preferences;
        this.staff = staff;
        this.templates = templates;
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    public Uni<Void> notify(StaffEvent event, String employeeId, Notice notice, Instant now) {
        return preferences.of(employeeId).chain(settings -> {
            Parts parts = templates.render(event.type(), settings.locale(),
                    Messages.of(event, notice.role().name(), notice.critical(), settings.zone()));
            var order = event.order();
            InboxEntry entry = new InboxEntry(event.id(), event.type(), order.workOrderId(), order.branchId(),
                    parts.inboxTitle(), parts.inboxBody(), order.priority() == null ? null : order.priority().name(),
                    notice.critical(), order.link());
            return inbox.append(employeeId, entry).chain(() -> email(event, employeeId, notice, settings, parts, now));
        });
    }

    private Uni<Void> email(StaffEvent event, String employeeId, Notice notice, Settings settings, Parts parts,
            Instant now) {
        if (!settings.emailEnabled()) {
            return Uni.createFrom().voidItem();
        }
        Uni<String> address = settings.emailAddress() != null ? Uni.createFrom().item(settings.emailAddress())
                : staff.emailOf(employeeId);
        return address.chain(to -> {
            if (to == null || to.isBlank()) {
                return Uni.createFrom().voidItem();
            }
            Instant notBefore = notice.critical() || settings.quietHours() == null ? null
                    : settings.quietHours().release(now);
            boolean held = notice.level() == Notice.Level.LOW && settings.digestLowPriority();
            Content content = new Content(settings.locale(), parts.subject(), parts.text(), parts.html(), null, null);
            return deliveries
                    .enqueue(new DeliveryRequest(event.id(), event.type(), employeeId, Channel.EMAIL, to,
                            event.order().branchId(), notice.critical(), content, notBefore, null, held))
                    .replaceWithVoid();
        });
    }
}
