package io.windbell.loadgen.sim;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Product ids for the journeys that sell something: wealth products, loans, cards. */
final class Products {

    private static final Map<String, List<String>> BY_JOURNEY = Map.of("WEALTH_PURCHASE",
            List.of("WM-CASH-001", "WM-FUND-017", "WM-FUND-023", "WM-BOND-005", "WM-FIXED-6M", "WM-FIXED-12M"),
            "LOAN_APPLICATION", List.of("LN-MORTGAGE", "LN-CONSUMER", "LN-BUSINESS", "LN-AUTO"), "CARD_ACTIVATION",
            List.of("CC-GOLD", "CC-PLATINUM", "CC-YOUTH", "CC-TRAVEL"));

    private Products() {
    }

    /** A product for the journey, or null when the journey is not about a product. */
    static String pick(String journey, RandomGenerator rnd) {
        List<String> products = BY_JOURNEY.get(journey);
        return products == null ? null : products.get(rnd.nextInt(products.size()));
    }
}
