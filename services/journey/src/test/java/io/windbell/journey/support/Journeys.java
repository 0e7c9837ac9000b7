package io.windbell.journey.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.Visit;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.journey.definition.JourneyDefinition.Step;

/**
 * Fixtures for plain unit tests of the journey domain: definitions and touchpoint events. Times are offsets from
 * {@link #BASE}, a Monday morning in Shanghai ({@code +08:00}), so the client offset is visible in every visit.
 */
public final class Journeys {

    public static final OffsetDateTime BASE = OffsetDateTime.of(2025, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    /** The configured lateness bound of the service. */
    public static final Duration LATENESS = Duration.ofMinutes(10);

    /**
     * Wealth purchase: browse → detail → risk assessment (key, 2h) → order (key, 30m) → payment (key, 30m) → purchase
     * success (completes); grace 1h, at most 7 days.
     */
    public static final JourneyDefinition WEALTH = definition("WEALTH_PURCHASE", LifecycleStage.UPGRADE)
            .step("wealth.product_browse", "BEFORE_INVESTING").step("wealth.product_detail", "BEFORE_INVESTING")
            .keyStep("wealth.risk_assessment", "BEFORE_INVESTING", Duration.ofHours(2))
            .keyStep("wealth.order_submit", "DURING_INVESTING", Duration.ofMinutes(30))
            .keyStep("wealth.payment_confirm", "DURING_INVESTING", Duration.ofMinutes(30))
            .step("wealth.purchase_success", "DURING_INVESTING")
            .starts("wealth.product_browse", "wealth.product_detail").completes("wealth.purchase_success")
            .grace(Duration.ofHours(1)).maxDuration(Duration.ofDays(7)).build();

    /** Transfer without phases: start → OTP (key, 30m) → result (completes); grace 30m, at most 2h. */
    public static final JourneyDefinition TRANSFER = definition("TRANSFER", LifecycleStage.RETENTION)
            .step("transfer.start", null).keyStep("transfer.otp_verify", null, Duration.ofMinutes(30))
            .step("transfer.result", null).starts("transfer.start").completes("transfer.result")
            .grace(Duration.ofMinutes(30)).maxDuration(Duration.ofHours(2)).build();

    private Journeys() {
    }

    public static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    public static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    public static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /** The instant {@code offset} after {@link #BASE}. */
    public static Instant time(Duration offset) {
        return BASE.plus(offset).toInstant();
    }

    public static DefinitionBuilder definition(String code, LifecycleStage stage) {
        return new DefinitionBuilder(code, stage);
    }

    /** Active definitions answered from memory, as the catalog does. */
    public static DefinitionLookup lookup(JourneyDefinition... definitions) {
        return new DefinitionLookup() {
            @Override
            public List<JourneyDefinition> active() {
                return List.of(definitions);
            }

            @Override
            public Optional<JourneyDefinition> find(String code, int version) {
                return active().stream().filter(d -> d.code().equals(code) && d.version() == version).findFirst();
            }
        };
    }

    /** A touchpoint event at {@link #BASE}, SUCCESS on MOBILE_APP, for customer C1; change what the case needs. */
    public static Tp tp(String touchpoint) {
        return new Tp(touchpoint);
    }

    /** Builds a definition step by step; orders are assigned 1..n in call order. */
    public static final class DefinitionBuilder {
        private final String code;
        private final LifecycleStage stage;
        private final List<Step> steps = new ArrayList<>();
        private Set<String> starts = Set.of();
        private Set<String> completions = Set.of();
        private Duration maxDuration = Duration.ofDays(7);
        private Duration grace = Duration.ofHours(1);
        private Set<String> assisted = Set.of("BRANCH", "CALL_CENTER", "RM_VISIT");

        private DefinitionBuilder(String code, LifecycleStage stage) {
            this.code = code;
            this.stage = stage;
        }

        public DefinitionBuilder step(String touchpoint, String phase) {
            return add(touchpoint, phase, false, null);
        }

        public DefinitionBuilder keyStep(String touchpoint, String phase, Duration inactivityTimeout) {
            return add(touchpoint, phase, true, inactivityTimeout);
        }

        public DefinitionBuilder starts(String... touchpoints) {
            starts = Set.of(touchpoints);
            return this;
        }

        public DefinitionBuilder completes(String... touchpoints) {
            completions = Set.of(touchpoints);
            return this;
        }

        public DefinitionBuilder maxDuration(Duration value) {
            maxDuration = value;
            return this;
        }

        public DefinitionBuilder grace(Duration value) {
            grace = value;
            return this;
        }

        public DefinitionBuilder assisted(String... channels) {
            assisted = Set.of(channels);
            return this;
        }

        public JourneyDefinition build() {
            return new JourneyDefinition(code, 1, code, code, stage, steps, starts, completions, maxDuration, grace,
                    assisted);
        }

        private DefinitionBuilder add(String touchpoint, String phase, boolean keyNode, Duration timeout) {
            String stepCode = touchpoint.toUpperCase().replace('.', '_');
            steps.add(new Step(steps.size() + 1, stepCode, stepCode, phase, List.of(touchpoint), keyNode, timeout));
            return this;
        }
    }

    /** A touchpoint event under construction. */
    public static final class Tp {
        private UUID eventId = UUID.randomUUID();
        private final String touchpoint;
        private Duration offset = Duration.ZERO;
        private String channel = "MOBILE_APP";
        private String customerId = "C1";
        private String anonymousId;
        private Outcome outcome = Outcome.SUCCESS;
        private String errorCode;
        private String branchId;
        private String productId;
        private final Map<String, Object> attributes = new HashMap<>();

        private Tp(String touchpoint) {
            this.touchpoint = touchpoint;
        }

        public Tp at(Duration value) {
            offset = value;
            return this;
        }

        public Tp channel(String value) {
            channel = value;
            if (value.equals("BRANCH") && branchId == null) {
                branchId = "BR-SH-001";
            }
            return this;
        }

        public Tp customer(String value) {
            customerId = value;
            return this;
        }

        /** Only the device is known: no customer id. */
        public Tp anonymous(String deviceId) {
            customerId = null;
            anonymousId = deviceId;
            return this;
        }

        /** Logged in on a device: both ids. */
        public Tp device(String deviceId) {
            anonymousId = deviceId;
            return this;
        }

        public Tp outcome(Outcome value) {
            outcome = value;
            return this;
        }

        /** A FAILURE with this error code. */
        public Tp failed(String code) {
            outcome = Outcome.FAILURE;
            errorCode = code;
            return this;
        }

        public Tp abandoned() {
            outcome = Outcome.ABANDONED;
            return this;
        }

        public Tp product(String value) {
            productId = value;
            return this;
        }

        public Tp attribute(String key, Object value) {
            attributes.put(key, value);
            return this;
        }

        public Tp eventId(UUID value) {
            eventId = value;
            return this;
        }

        public Instant instant() {
            return BASE.plus(offset).toInstant();
        }

        public TouchpointRecorded event() {
            OffsetDateTime occurredAt = BASE.plus(offset);
            return new TouchpointRecorded(eventId, occurredAt, occurredAt.toInstant().plusSeconds(1), channel,
                    touchpoint, customerId, anonymousId, "S-" + (customerId != null ? customerId : anonymousId),
                    outcome, errorCode, 1200L, branchId, null, productId, "zh-CN", Map.copyOf(attributes));
        }

        /** The visit as {@code definition} places it (its step; none if the touchpoint is not a step). */
        public Visit visit(JourneyDefinition definition) {
            return Visit.of(event(), definition.stepOf(touchpoint).map(Step::order).orElse(null));
        }
    }
}
