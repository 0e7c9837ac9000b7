package io.windbell.journey;

/**
 * The key a person's journeys are filed and locked under: {@code c:<customerId>} once the customer is known, else
 * {@code a:<anonymousId>}.
 */
public final class Subjects {

    private Subjects() {
    }

    public static String of(String customerId, String anonymousId) {
        return customerId != null ? customer(customerId) : anonymous(anonymousId);
    }

    public static String customer(String customerId) {
        return "c:" + customerId;
    }

    public static String anonymous(String anonymousId) {
        return "a:" + anonymousId;
    }
}
