package io.windbell.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.touchpoint.Outcome;

/**
 * Generates touchpoint events as a careless or hostile channel app could send them, for the property tests of the path
 * from ingest's validator to a consumer's store (issue 10: nothing a 202 promised may fail to store). Every string
 * field, attribute keys and values included, now and then gets a string built from the code points that break things:
 * NUL and the other C0 controls, DEL, C1 controls, U+FFFE/U+FFFF and other non-characters, lone, reversed and proper
 * surrogate pairs, direction marks and overrides, separators, JSON, CSV, COPY and SQL meta characters, strings at and
 * just over their field's length. The rest of the event stays close to valid, so that a fair share of events passes and
 * reaches the store.
 * <p>
 * Deterministic from its seed: a property test reports the seed, and the same seed gives the same events again.
 */
public final class HostileTouchpoints {

    /** Pieces {@link io.windbell.contracts.Text} refuses. */
    static final List<String> REFUSED = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u000E",
            "\u001B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDE00\uD83D");

    /** Pieces that are text, however odd: everything downstream must store them unchanged. */
    static final List<String> ODD_BUT_TEXT = List.of("\t", "\n", "\r", "\r\n", "\u007F", "\u0080", "\u0085", "\u009F",
            "\u00A0", "\u00AD", "\u0301", "\u200B", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C",
            "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u2028", "\u2029", "\uFEFF", "\uFFFD",
            "\uFDD0", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD835\uDFD8",
            "\uD83F\uDFFE", "\uDBFF\uDFFF", "理财产品", "مرحبا", "ß", "İ", "\"", "\\", "'", "''", "`", ";", "--", "/*",
            "*/", "%", "_", "\\.", "\\N", "\\\\N", ",", "\"\"", "{", "}", "[", "]", "$$", "$1", ":", "\\u0000", "%00",
            "NULL", "null", "<script>alert(1)</script>", "${jndi:ldap://x}", "' OR '1'='1", "); DROP TABLE x; --", " ",
            "  ", "a", "Z", "0", ".", "-");

    private static final String ID_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ID_REST = ID_FIRST + "._:-";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SplittableRandom random;
    private final List<String> touchpoints;
    private final List<String> channels;
    private final List<String> customers = new ArrayList<>();
    private final double refusedShare;

    /**
     * @param touchpoints
     *            codes to draw {@code touchpoint} from most of the time (those a consumer knows)
     * @param channels
     *            codes to draw {@code channel} from most of the time
     * @param refusedShare
     *            chance that one piece of a generated string is one {@link io.windbell.contracts.Text} refuses
     */
    public HostileTouchpoints(long seed, List<String> touchpoints, List<String> channels, double refusedShare) {
        this.random = new SplittableRandom(seed);
        this.touchpoints = List.copyOf(touchpoints);
        this.channels = List.copyOf(channels);
        this.refusedShare = refusedShare;
        // a small pool, so that later events find the journeys of earlier ones; lengths up to the maximum
        for (int i = 0; i < 12; i++) {
            customers.add(identifier(1 + random.nextInt(Identifiers.CUSTOMER_ID_MAX)));
        }
    }

    /**
     * One event as a channel sends it (without {@code receivedAt}, which ingest sets), happening shortly before now.
     */
    public ObjectNode next(Instant now) {
        ObjectNode event = NODES.objectNode();
        event.put("eventId", rarely() ? hostile(40) : UUID.randomUUID().toString());
        ZoneOffset offset = ZoneOffset.of(pick(List.of("Z", "+08:00", "-05:00", "+05:30", "+14:00", "-12:00")));
        event.put("occurredAt", rarely() ? hostile(40)
                : now.minus(Duration.ofSeconds(1 + random.nextInt(300))).atOffset(offset).toString());
        event.put("channel", often() ? pick(channels) : hostile(Identifiers.CHANNEL_CODE_MAX + 1));
        event.put("touchpoint", often() ? pick(touchpoints) : rarely() ? hostile(64) : code());
        boolean customer = random.nextInt(4) > 0;
        if (customer) {
            event.put("customerId", rarely() ? hostile(Identifiers.CUSTOMER_ID_MAX) : pick(customers));
        }
        if (!customer || random.nextInt(3) == 0) {
            event.put("anonymousId", identifierOrHostile(Identifiers.ANONYMOUS_ID_MAX));
        }
        if (random.nextInt(5) > 0) {
            event.put("sessionId", hostile(128));
        }
        event.put("outcome", rarely() ? hostile(16) : pick(List.of(Outcome.values())).name());
        if (random.nextBoolean()) {
            event.put("errorCode", hostile(64));
        }
        if (random.nextBoolean()) {
            event.put("durationMs", random.nextLong(0, 86_400_000L));
        }
        if (random.nextBoolean()) {
            event.put("branchId", identifierOrHostile(Identifiers.BRANCH_ID_MAX));
        }
        if (random.nextBoolean()) {
            event.put("employeeId", identifierOrHostile(Identifiers.EMPLOYEE_ID_MAX));
        }
        if (random.nextBoolean()) {
            event.put("productId", identifierOrHostile(Identifiers.PRODUCT_ID_MAX));
        }
        if (random.nextBoolean()) {
            event.put("locale", rarely() ? hostile(35) : pick(List.of("zh-CN", "en", "en-GB", "yue-Hant-HK", "ar")));
        }
        if (random.nextInt(10) < 7) {
            event.set("attributes", attributes(1));
        }
        return event;
    }

    /**
     * A string of odd pieces, now and then one that {@link io.windbell.contracts.Text} refuses: short, or filled up to
     * {@code maxLength} UTF-16 units (sometimes one more).
     */
    public String hostile(int maxLength) {
        StringBuilder out = new StringBuilder();
        boolean fill = random.nextInt(5) == 0;
        int target = fill ? maxLength + (random.nextInt(4) == 0 ? 1 : 0) : 1 + random.nextInt(Math.min(12, maxLength));
        while (out.length() < target) {
            String piece = random.nextDouble() < refusedShare ? pick(REFUSED) : pick(ODD_BUT_TEXT);
            if (out.length() + piece.length() > target) {
                piece = "x".repeat(target - out.length());
            }
            out.append(piece);
        }
        return out.toString();
    }

    private ObjectNode attributes(int depth) {
        ObjectNode map = NODES.objectNode();
        int entries = 1 + random.nextInt(depth == 1 ? 6 : 3);
        for (int i = 0; i < entries; i++) {
            String key = random.nextBoolean() ? "k" + i : hostile(12);
            switch (random.nextInt(depth < 3 ? 7 : 5)) {
            case 0, 1 -> map.put(key, hostile(40));
            case 2 -> map.put(key, random.nextLong(-1_000_000, 1_000_000));
            case 3 -> map.put(key, random.nextBoolean());
            case 4 -> map.putNull(key);
            case 5 -> {
                ArrayNode list = map.putArray(key);
                for (int j = random.nextInt(3); j >= 0; j--) {
                    list.add(hostile(16));
                }
            }
            default -> map.set(key, attributes(depth + 1));
            }
        }
        return map;
    }

    private String identifierOrHostile(int max) {
        return rarely() ? hostile(max) : identifier(1 + random.nextInt(max));
    }

    /** A string of the opaque-id rule, of exactly {@code length} characters. */
    private String identifier(int length) {
        StringBuilder out = new StringBuilder(length).append(ID_FIRST.charAt(random.nextInt(ID_FIRST.length())));
        while (out.length() < length) {
            out.append(ID_REST.charAt(random.nextInt(ID_REST.length())));
        }
        return out.toString();
    }

    /** A touchpoint code of the rule that no catalog knows. */
    private String code() {
        return "x" + identifier(1 + random.nextInt(8)).toLowerCase().replaceAll("[^a-z0-9_]", "_") + ".step_"
                + random.nextInt(100);
    }

    private boolean often() {
        return random.nextInt(10) < 8;
    }

    private boolean rarely() {
        return random.nextInt(20) == 0;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
