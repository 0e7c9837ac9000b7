package io.windbell.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void readsCommandAndOptionsInBothSpellings() throws Exception {
        Args args = Args.parse("rate", "--kind", "batch", "--rate=250.5", "--duration", "2m");

        assertThat(args.command()).isEqualTo("rate");
        assertThat(args.help()).isFalse();
        assertThat(args.string("kind", null)).isEqualTo("batch");
        assertThat(args.decimal("rate", 0, 0.1, 1e6)).isEqualTo(250.5);
        assertThat(args.duration("duration", Duration.ZERO, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(2));
        assertThat(args.integer("connections", 64, 1, 10)).isEqualTo(64);
    }

    @Test
    void helpAnywhere() throws Exception {
        assertThat(Args.parse("--help").help()).isTrue();
        assertThat(Args.parse("max", "-h").help()).isTrue();
        assertThat(Args.parse("help").help()).isTrue();
    }

    @Test
    void parsesDurations() {
        assertThat(Args.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Args.parseDuration("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(Args.parseDuration("20")).isEqualTo(Duration.ofSeconds(20));
        assertThat(Args.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Args.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Args.parseDuration("soon")).isNull();
        assertThat(Args.parseDuration("-1s")).isNull();
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> Args.parse("max", "--kind")).hasMessageContaining("--kind needs a value");
        assertThatThrownBy(() -> Args.parse("max", "--seed", "1", "--seed", "2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Args.parse("max", "extra")).hasMessageContaining("unexpected argument 'extra'");
    }

    @Test
    void checksTypesAndRanges() throws Exception {
        Args args = Args.parse("max", "--connections", "0", "--rate", "fast", "--duration", "3 weeks");

        assertThatThrownBy(() -> args.integer("connections", 1, 1, 10)).hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> args.decimal("rate", 1, 0.1, 10)).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> args.duration("duration", Duration.ZERO, Duration.ofHours(1)))
                .hasMessageContaining("must be a duration");
        assertThatThrownBy(() -> args.allowOnly(Set.of("kind"))).hasMessageContaining("--connections")
                .hasMessageContaining("--duration");
    }
}
