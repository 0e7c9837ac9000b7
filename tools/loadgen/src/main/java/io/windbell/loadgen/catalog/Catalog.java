package io.windbell.loadgen.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The active touchpoints grouped into journeys. A journey is a list of steps in {@code stepOrder}; a step holds the
 * touchpoints that share one step order (usually one, sometimes channel-specific alternatives).
 */
public final class Catalog {

    private final List<Touchpoint> touchpoints;
    private final Map<String, List<List<Touchpoint>>> journeys;

    private Catalog(List<Touchpoint> touchpoints, Map<String, List<List<Touchpoint>>> journeys) {
        this.touchpoints = touchpoints;
        this.journeys = journeys;
    }

    public static Catalog of(List<Touchpoint> all) {
        List<Touchpoint> usable = all.stream().filter(Touchpoint::usable).toList();
        Map<String, TreeMap<Integer, List<Touchpoint>>> byOrder = new TreeMap<>();
        for (Touchpoint t : usable) {
            if (t.journey() != null) {
                int order = t.stepOrder() == null ? Integer.MAX_VALUE : t.stepOrder();
                byOrder.computeIfAbsent(t.journey(), j -> new TreeMap<>())
                        .computeIfAbsent(order, o -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<List<Touchpoint>>> journeys = new TreeMap<>();
        byOrder.forEach((journey, steps) -> journeys.put(journey, steps.values().stream()
                .map(step -> step.stream().sorted(Comparator.comparing(Touchpoint::code)).toList()).toList()));
        if (journeys.isEmpty()) {
            throw new IllegalStateException("the catalog has no active touchpoint that belongs to a journey ("
                    + all.size() + " touchpoints listed)");
        }
        return new Catalog(usable, journeys);
    }

    /** Journey names in alphabetical order, so that a seeded run picks the same journeys every time. */
    public List<String> journeyNames() {
        return List.copyOf(journeys.keySet());
    }

    public List<List<Touchpoint>> steps(String journey) {
        return journeys.getOrDefault(journey, List.of());
    }

    public List<Touchpoint> touchpoints() {
        return touchpoints;
    }
}
