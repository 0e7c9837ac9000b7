package io.windbell.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.journey.definition.JourneyDefinition.Step;
import io.windbell.platform.problem.Violation;

class DefinitionValidatorTest {

    /** A valid three-step transfer; each test breaks one rule of it. */
    static final class Builder {
        String code = "TRANSFER_TEST";
        String name = "Transfer";
        LifecycleStage stage = LifecycleStage.RETENTION;
        List<Step> steps = new ArrayList<>(
                List.of(new Step(1, "TRANSFER_START", "Start", null, List.of("transfer.start"), false, null),
                        new Step(2, "TRANSFER_OTP", "OTP", null, List.of("transfer.otp_verify"), true,
                                Duration.ofMinutes(30)),
                        new Step(3, "TRANSFER_RESULT", "Result", null, List.of("transfer.result"), false, null)));
        Set<String> starts = Set.of("transfer.start");
        Set<String> completions = Set.of("transfer.result");
        Duration maxDuration = Duration.ofHours(2);
        Duration grace = Duration.ofMinutes(30);
        Set<String> assisted = Set.of("CALL_CENTER", "BRANCH");

        Builder step(int index, UnaryOperator<Step> change) {
            steps.set(index, change.apply(steps.get(index)));
            return this;
        }

        JourneyDefinition build() {
            return new JourneyDefinition(code, 1, name, "转账", stage, steps, starts, completions, maxDuration, grace,
                    assisted);
        }
    }

    static Step with(Step s, int order, String code, List<String> touchpoints, boolean keyNode, Duration timeout) {
        return new Step(order, code, s.name(), s.phase(), touchpoints, keyNode, timeout);
    }

    static List<String> fields(Builder b) {
        return DefinitionValidator.validate(b.build()).stream().map(Violation::field).toList();
    }

    @Test
    void aValidDefinitionHasNoViolations() {
        assertThat(DefinitionValidator.validate(new Builder().build())).isEmpty();
    }

    @Test
    void codeMustBeUpperSnakeCase() {
        Builder b = new Builder();
        b.code = "transfer";
        assertThat(fields(b)).containsExactly("code");
        b.code = "T";
        assertThat(fields(b)).containsExactly("code");
        b.code = "T".repeat(49);
        assertThat(fields(b)).containsExactly("code");
        b.code = null;
        assertThat(fields(b)).containsExactly("code");
    }

    @Test
    void nameMustNotBeBlank() {
        Builder b = new Builder();
        b.name = " ";
        assertThat(fields(b)).containsExactly("name");
    }

    @Test
    void stageIsRequired() {
        Builder b = new Builder();
        b.stage = null;
        assertThat(fields(b)).containsExactly("stage");
    }

    @Test
    void atLeastOneStep() {
        Builder b = new Builder();
        b.steps.clear();
        b.starts = Set.of();
        b.completions = Set.of();
        assertThat(fields(b)).startsWith("steps");
    }

    @Test
    void stepOrdersRun1ToNWithoutGaps() {
        Builder b = new Builder().step(2, s -> with(s, 4, s.code(), s.touchpoints(), false, null));
        assertThat(fields(b)).containsExactly("steps[2].order");
    }

    @Test
    void stepCodesAreUnique() {
        Builder b = new Builder().step(2, s -> with(s, 3, "TRANSFER_START", s.touchpoints(), false, null));
        assertThat(DefinitionValidator.validate(b.build()))
                .containsExactly(new Violation("steps[2].code", "duplicate step code TRANSFER_START (also steps[0])"));
    }

    @Test
    void everyStepHasATouchpoint() {
        Builder b = new Builder().step(1, s -> with(s, 2, s.code(), List.of(), true, Duration.ofMinutes(30)));
        assertThat(fields(b)).containsExactly("steps[1].touchpoints");
    }

    @Test
    void aTouchpointBelongsToOneStepOnly() {
        Builder b = new Builder().step(2,
                s -> with(s, 3, s.code(), List.of("transfer.result", "transfer.otp_verify"), false, null));
        assertThat(fields(b)).containsExactly("steps[2].touchpoints[1]");
    }

    @Test
    void aKeyNodeNeedsAPositiveInactivityTimeout() {
        Builder b = new Builder().step(1, s -> with(s, 2, s.code(), s.touchpoints(), true, null));
        assertThat(fields(b)).containsExactly("steps[1].inactivityTimeout");
        b.step(1, s -> with(s, 2, s.code(), s.touchpoints(), true, Duration.ZERO));
        assertThat(fields(b)).containsExactly("steps[1].inactivityTimeout");
    }

    @Test
    void anOrdinaryStepHasNoInactivityTimeout() {
        Builder b = new Builder().step(0, s -> with(s, 1, s.code(), s.touchpoints(), false, Duration.ofMinutes(5)));
        assertThat(fields(b)).containsExactly("steps[0].inactivityTimeout");
    }

    @Test
    void startTouchpointsAreRequiredAndPartOfAStep() {
        Builder b = new Builder();
        b.starts = Set.of();
        assertThat(fields(b)).containsExactly("startTouchpoints");
        b.starts = Set.of("transfer.start", "card.activated");
        assertThat(DefinitionValidator.validate(b.build()))
                .containsExactly(new Violation("startTouchpoints", "'card.activated' is not a touchpoint of any step"));
    }

    @Test
    void completionTouchpointsAreRequiredAndPartOfAStep() {
        Builder b = new Builder();
        b.completions = Set.of();
        assertThat(fields(b)).containsExactly("completionTouchpoints");
        b.completions = Set.of("transfer.done");
        assertThat(fields(b)).containsExactly("completionTouchpoints");
    }

    @Test
    void maxDurationIsPositive() {
        Builder b = new Builder();
        b.maxDuration = null;
        assertThat(fields(b)).containsExactly("maxDuration");
        b.maxDuration = Duration.ofHours(-1);
        assertThat(fields(b)).containsExactly("maxDuration");
    }

    @Test
    void maxDurationCoversEveryInactivityTimeout() {
        Builder b = new Builder();
        b.maxDuration = Duration.ofMinutes(20);
        b.grace = Duration.ofMinutes(10);
        assertThat(DefinitionValidator.validate(b.build())).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("maxDuration");
            assertThat(v.message()).contains("steps[1].inactivityTimeout");
        });
    }

    @Test
    void channelSwitchGraceIsPositiveAndShorterThanMaxDuration() {
        Builder b = new Builder();
        b.grace = Duration.ZERO;
        assertThat(fields(b)).containsExactly("channelSwitchGrace");
        b.grace = Duration.ofHours(2);
        assertThat(fields(b)).containsExactly("channelSwitchGrace");
        b.grace = null;
        assertThat(fields(b)).containsExactly("channelSwitchGrace");
    }

    /** Touchpoint codes follow the contract rule (Identifiers); before, only their length was checked here. */
    @Test
    void stepTouchpointsAreTouchpointCodes() {
        Builder b = new Builder().step(2, s -> with(s, 3, s.code(), List.of("transfer.result", "TRANSFER_RESULT",
                "transfer.", "t." + "x".repeat(62), "t." + "x".repeat(63)), false, null));
        assertThat(fields(b)).containsExactly("steps[2].touchpoints[1]", "steps[2].touchpoints[2]",
                "steps[2].touchpoints[4]");
    }

    @Test
    void assistedChannelsAreChannelCodes() {
        Builder b = new Builder();
        b.assisted = Set.of("CALL_CENTER", "call-centre");
        assertThat(DefinitionValidator.validate(b.build())).containsExactly(
                new Violation("assistedChannels", "'call-centre' is not a channel code (^[A-Z][A-Z0-9_]{1,31}$)"));
        b.assisted = Set.of("ATM2");
        assertThat(fields(b)).as("digits are allowed, as in every other channel code rule").isEmpty();
        b.assisted = Set.of();
        assertThat(fields(b)).isEmpty();
    }

    @Test
    void violationsAreReportedTogetherInDocumentOrder() {
        Builder b = new Builder().step(1, s -> with(s, 5, "TRANSFER_START", s.touchpoints(), true, null));
        b.code = "x";
        b.name = "";
        assertThat(fields(b)).containsExactly("code", "name", "steps[1].order", "steps[1].code",
                "steps[1].inactivityTimeout");
    }
}
