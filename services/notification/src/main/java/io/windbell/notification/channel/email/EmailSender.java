package io.windbell.notification.channel.email;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Contents;
import io.windbell.notification.delivery.Delivery;
import io.windbell.notification.delivery.DeliveryStatus;
import io.windbell.notification.delivery.ErrorText;
import io.windbell.notification.delivery.OutboundHttp;
import io.windbell.notification.delivery.Sender;

/**
 * E-mail through SMTP ({@code quarkus-mailer}, reactive): the text and HTML parts of the content as one
 * multipart/alternative message, {@code From} from {@code quarkus.mailer.from}. SENT once the server accepted it (SMTP
 * says nothing about the inbox); a delivery without an address is SKIPPED.
 */
@ApplicationScoped
public class EmailSender implements Sender {

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Uni<DeliveryStatus> send(Delivery delivery) {
        if (delivery.address == null || delivery.address.isBlank()) {
            return Uni.createFrom().failure(new Sender.NothingToSend("no e-mail address"));
        }
        Content content = Contents.of(delivery);
        if (content.text() == null && content.html() == null) {
            throw new Sender.PermanentFailure("the content has neither a text nor an HTML part");
        }
        Mail mail = new Mail().addTo(delivery.address).setSubject(content.subject() == null ? "" : content.subject());
        if (content.text() != null) {
            mail.setText(content.text());
        }
        if (content.html() != null) {
            mail.setHtml(content.html());
        }
        // an SMTP server that refuses now (greylisting, a full queue, a restart) usually accepts later
        return mailer.send(mail).replaceWith(DeliveryStatus.SENT).onFailure()
                .transform(e -> new OutboundHttp.RetryableFailure("SMTP: " + ErrorText.of(e)));
    }
}
