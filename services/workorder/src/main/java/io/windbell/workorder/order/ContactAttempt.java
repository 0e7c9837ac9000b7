package io.windbell.workorder.order;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One attempt to reach the customer of an order ({@code contact_attempt}, V1): when, on which channel, the result. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt extends PanacheEntityBase {

    /** How the customer was contacted. */
    public enum Channel {
        PHONE, SMS, WECHAT, EMAIL, BRANCH_VISIT, VIDEO
    }

    /** What came of it. */
    public enum Result {
        REACHED, NO_ANSWER, BUSY, WRONG_NUMBER, CALL_BACK_REQUESTED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID workOrderId;
    public String employeeId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Result result;
    /** shown to staff, never logged */
    public String note;

    public static ContactAttempt of(WorkOrder order, String employeeId, Instant at, Channel channel, Result result,
            String note) {
        ContactAttempt attempt = new ContactAttempt();
        attempt.workOrderId = order.id;
        attempt.employeeId = employeeId;
        attempt.at = at;
        attempt.channel = channel;
        attempt.result = result;
        attempt.note = note;
        return attempt;
    }
}
