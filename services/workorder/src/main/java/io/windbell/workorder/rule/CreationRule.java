package io.windbell.workorder.rule;

import java.util.Set;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.workorder.Priority;

/**
 * One rule of the creation rule set: when a signal matches every condition of {@code when}, {@code then} says which
 * work order (if any) it opens. An empty condition matches anything.
 */
public record CreationRule(String code, When when, Then then) {

    public CreationRule {
        when = when == null ? When.ANY : when;
    }

    /** What a rule creates. */
    public enum Create {
        RECOVERY, CALLBACK, NONE
    }

    /**
     * The conditions, all of which must hold.
     *
     * @param alertTypes
     *            the signal's event type ({@code alert.low-score}, {@code journey.interrupted})
     * @param minSeverity
     *            the alert's severity at least this; a signal without a severity (an interrupted journey) does not
     *            match
     * @param touchpoints
     *            the touchpoint the signal is about (the first failing one of an alert, the last one of an interrupted
     *            journey)
     * @param tiers
     *            the customer's tier; {@value CreationRuleSet#UNKNOWN_TIER} stands for a customer whose tier is not
     *            known
     * @param keyNodeOnly
     *            only when the touchpoint is a key node of the journey
     * @param productPrefixes
     *            the product id starts with one of them (e.g. {@code WM-} wealth, {@code LN-} loans)
     */
    public record When(Set<String> alertTypes, Severity minSeverity, Set<String> journeyCodes, Set<String> touchpoints,
            Set<String> tiers, Set<InterruptionReason> interruptionReasons, Boolean keyNodeOnly,
            Set<String> productPrefixes) {

        static final When ANY = new When(null, null, null, null, null, null, null, null);

        public When {
            alertTypes = alertTypes == null ? Set.of() : Set.copyOf(alertTypes);
            journeyCodes = journeyCodes == null ? Set.of() : Set.copyOf(journeyCodes);
            touchpoints = touchpoints == null ? Set.of() : Set.copyOf(touchpoints);
            tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
            interruptionReasons = interruptionReasons == null ? Set.of() : Set.copyOf(interruptionReasons);
            productPrefixes = productPrefixes == null ? Set.of() : Set.copyOf(productPrefixes);
        }

        boolean matches(Facts facts) {
            return within(alertTypes, facts.signalType())
                    && (minSeverity == null || facts.severity() != null && facts.severity().compareTo(minSeverity) >= 0)
                    && within(journeyCodes, facts.journeyCode()) && within(touchpoints, facts.touchpointCode())
                    && within(tiers, facts.tier() == null ? CreationRuleSet.UNKNOWN_TIER : facts.tier())
                    && within(interruptionReasons, facts.interruptionReason())
                    && (!Boolean.TRUE.equals(keyNodeOnly) || Boolean.TRUE.equals(facts.keyNode()))
                    && (productPrefixes.isEmpty() || facts.productId() != null
                            && productPrefixes.stream().anyMatch(facts.productId()::startsWith));
        }

        private static <V> boolean within(Set<V> allowed, V value) {
            return allowed.isEmpty() || value != null && allowed.contains(value);
        }
    }

    /**
     * What a matching signal opens.
     *
     * @param priority
     *            the order's priority; absent: mapped from the alert's severity ({@link Priorities#of})
     */
    public record Then(Create create, Priority priority) {
    }
}
