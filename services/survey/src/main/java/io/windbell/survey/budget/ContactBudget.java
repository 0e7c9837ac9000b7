package io.windbell.survey.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contact budget of one customer: decides whether a survey may be sent now, given what was sent before. Pure: the
 * caller loads the history under the customer's lock, so two triggers at the same instant are decided one after the
 * other and the second sees the first.
 */
public final class ContactBudget {

    private final List<Cap> caps;
    private final Duration journeyCooldown;

    public ContactBudget(List<Cap> caps, Duration journeyCooldown) {
        this.caps = List.copyOf(caps);
        this.journeyCooldown = journeyCooldown;
    }

    /** The longest window the decision needs history for. */
    public Duration lookBack() {
        Duration longest = journeyCooldown;
        for (Cap cap : caps) {
            if (cap.window().compareTo(longest) > 0) {
                longest = cap.window();
            }
        }
        return longest;
    }

    /**
     * Why the customer must not be surveyed about {@code definitionCode} now, or empty if they may be. Checked in this
     * order: consent, an open recovery work order, the journey cooldown, the caps.
     */
    public Optional<Refusal> check(Instant now, String definitionCode, Customer customer) {
        if (customer.doNotSurvey()) {
            return Optional.of(new Refusal(Refusal.Code.DO_NOT_SURVEY, "the customer opted out of surveys"));
        }
        if (customer.openRecoveries() > 0) {
            return Optional.of(new Refusal(Refusal.Code.OPEN_RECOVERY,
                    customer.openRecoveries() + " open recovery work order(s)"));
        }
        Instant cooldownStart = now.minus(journeyCooldown);
        for (Contact contact : customer.history()) {
            if (contact.countsAgainstBudget() && definitionCode != null
                    && definitionCode.equals(contact.definitionCode()) && contact.at().isAfter(cooldownStart)) {
                return Optional.of(new Refusal(Refusal.Code.JOURNEY_COOLDOWN,
                        "surveyed about " + definitionCode + " at " + contact.at() + ", cooldown " + journeyCooldown));
            }
        }
        for (Cap cap : caps) {
            Instant windowStart = now.minus(cap.window());
            long used = customer.history().stream().filter(c -> c.countsAgainstBudget() && c.at().isAfter(windowStart))
                    .count();
            if (used >= cap.max()) {
                return Optional.of(new Refusal(Refusal.Code.BUDGET_CAP,
                        used + " invitation(s) within " + cap.window() + ", cap " + cap.max()));
            }
        }
        return Optional.empty();
    }

    /** At most {@code max} invitations within any {@code window}. */
    public record Cap(Duration window, int max) {
    }

    /** One earlier invitation of the customer. */
    public record Contact(Instant at, String definitionCode, boolean countsAgainstBudget) {
    }

    /** What the budget needs to know about the customer. */
    public record Customer(boolean doNotSurvey, int openRecoveries, List<Contact> history) {
        public Customer {
            history = List.copyOf(history);
        }
    }

    /** Why a survey was refused. */
    public record Refusal(Code code, String detail) {
        public enum Code {
            DO_NOT_SURVEY, OPEN_RECOVERY, JOURNEY_COOLDOWN, BUDGET_CAP
        }
    }
}
