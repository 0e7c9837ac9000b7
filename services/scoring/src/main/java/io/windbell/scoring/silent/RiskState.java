package io.windbell.scoring.silent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One customer's behavioural risk: the points of each (signal, touchpoint, code) as of {@code asOf}, with how often it
 * happened and when last. Immutable; {@link #fold} makes the next state.
 *
 * @param entries
 *            most points first; their points are as of {@code asOf}
 */
public record RiskState(Instant asOf, List<Entry> entries) {

    public static final RiskState EMPTY = new RiskState(Instant.EPOCH, List.of());

    public RiskState {
        entries = List.copyOf(entries);
    }

    /** One behavioural event: what went wrong, where, and when it happened. */
    public record Observed(Signal signal, String touchpoint, String code, Instant at) {
    }

    /**
     * The accumulated points of one (signal, touchpoint, code).
     *
     * @param code
     *            the error code (failures), the interruption reason (interruptions), else {@code null}
     */
    public record Entry(Signal signal, String touchpoint, String code, long count, double points, Instant lastAt) {

        boolean sameKey(Signal s, String t, String c) {
            return signal == s && Objects.equals(touchpoint, t) && Objects.equals(code, c);
        }

        /** e.g. "3 failures at loan.submit (E_TIMEOUT)". */
        public String detail() {
            String where = signal.counted(count) + " at " + touchpoint;
            if (signal == Signal.SLOW_KEY_STEP) {
                return where + " (above the touchpoint's p90)";
            }
            return code == null ? where : where + " (" + code + ")";
        }
    }

    /**
     * Adds {@code observed} and moves {@code asOf} to the latest event: older points decay to it, entries whose last
     * event is older than {@code lookback} are forgotten, each signal is held to its cap (its entries scaled down
     * alike), and only the {@code maxEntries} with most points are kept.
     */
    public RiskState fold(List<Observed> observed, RiskFormula formula, Duration lookback, int maxEntries) {
        Instant now = asOf;
        for (Observed o : observed) {
            if (o.at().isAfter(now)) {
                now = o.at();
            }
        }
        double decay = formula.decay(asOf, now);
        List<Entry> next = new ArrayList<>();
        for (Entry e : entries) {
            next.add(new Entry(e.signal(), e.touchpoint(), e.code(), e.count(), e.points() * decay, e.lastAt()));
        }
        for (Observed o : observed) {
            double points = formula.weight(o.signal()) * formula.decay(o.at(), now);
            int at = indexOf(next, o);
            if (at < 0) {
                next.add(new Entry(o.signal(), o.touchpoint(), o.code(), 1, points, o.at()));
            } else {
                Entry e = next.get(at);
                next.set(at, new Entry(e.signal(), e.touchpoint(), e.code(), e.count() + 1, e.points() + points,
                        e.lastAt().isAfter(o.at()) ? e.lastAt() : o.at()));
            }
        }
        Instant horizon = now.minus(lookback);
        next.removeIf(e -> e.lastAt().isBefore(horizon));
        next = capped(next, formula);
        next.sort(Comparator.comparingDouble(Entry::points).reversed().thenComparing(Entry::touchpoint));
        return new RiskState(now, next.size() > maxEntries ? next.subList(0, maxEntries) : next);
    }

    private static int indexOf(List<Entry> entries, Observed o) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sameKey(o.signal(), o.touchpoint(), o.code())) {
                return i;
            }
        }
        return -1;
    }

    private static List<Entry> capped(List<Entry> entries, RiskFormula formula) {
        Map<Signal, Double> totals = new EnumMap<>(Signal.class);
        entries.forEach(e -> totals.merge(e.signal(), e.points(), Double::sum));
        List<Entry> capped = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            double total = totals.get(e.signal());
            double cap = formula.cap(e.signal());
            double factor = total > cap ? cap / total : 1;
            capped.add(new Entry(e.signal(), e.touchpoint(), e.code(), e.count(), e.points() * factor, e.lastAt()));
        }
        return capped;
    }

    /** The points as of {@code asOf}. */
    public double points() {
        return entries.stream().mapToDouble(Entry::points).sum();
    }

    /** The 0..100 score at {@code now} (points decay after {@code asOf}). */
    public double score(RiskFormula formula, Instant now) {
        return formula.score(points() * formula.decay(asOf, now));
    }

    /** The latest event of any entry, or {@code null} without entries. */
    public Instant lastSignalAt() {
        return entries.stream().map(Entry::lastAt).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The points of each signal kind as of {@code asOf}. */
    public Map<Signal, Double> bySignal() {
        Map<Signal, Double> totals = new LinkedHashMap<>();
        entries.forEach(e -> totals.merge(e.signal(), e.points(), Double::sum));
        return totals;
    }
}
