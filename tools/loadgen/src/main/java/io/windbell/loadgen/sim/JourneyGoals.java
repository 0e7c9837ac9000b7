package io.windbell.loadgen.sim;

import java.util.List;
import java.util.Map;

/**
 * Where the journey service's seeded definitions start and what completes them (they mirror ingest's seeded catalog).
 * The catalog API does not say it, and a walk must stop at the goal for "completed" to mean what the journey service
 * means. A journey not listed here starts at its first step and completes at its last.
 */
final class JourneyGoals {

    /** Start touchpoints in step order: a walk begins at the first, sometimes at the second. */
    private static final Map<String, List<String>> STARTS = Map.of("ACCOUNT_OPENING", List.of("account.entry"),
            "CARD_ACTIVATION", List.of("card.delivery_notice", "card.activation_start"), "WEALTH_PURCHASE",
            List.of("wealth.product_browse", "wealth.product_detail"), "LOAN_APPLICATION",
            List.of("loan.calculator", "loan.application_form"), "TRANSFER", List.of("transfer.start"), "COMPLAINT",
            List.of("complaint.submit"), "REFERRAL", List.of("referral.invite_share"));

    private static final Map<String, String> COMPLETIONS = Map.of("ACCOUNT_OPENING", "account.opened",
            "CARD_ACTIVATION", "card.activated", "WEALTH_PURCHASE", "wealth.purchase_success", "LOAN_APPLICATION",
            "loan.disbursement", "TRANSFER", "transfer.result", "COMPLAINT", "complaint.closed", "REFERRAL",
            "referral.reward_granted");

    private JourneyGoals() {
    }

    static List<String> starts(String journey) {
        return STARTS.getOrDefault(journey, List.of());
    }

    /** The completion touchpoint, or null when the journey is not one of the seeded definitions. */
    static String completion(String journey) {
        return COMPLETIONS.get(journey);
    }
}
