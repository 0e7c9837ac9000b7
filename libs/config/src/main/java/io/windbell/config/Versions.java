package io.windbell.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.windbell.config.VersionedStore.Stored;

/**
 * Every version of every key of one kind of versioned configuration, immutable: what an in-memory catalog swaps in one
 * step, so that the hot path and the read APIs never wait for the database.
 *
 * @param <T>
 *            the domain record of one version
 */
public final class Versions<T> {

    private static final Versions<?> EMPTY = new Versions<>(Map.of());

    private final Map<String, List<Stored<T>>> byKey;
    private final List<Stored<T>> active;
    private final int count;

    private Versions(Map<String, List<Stored<T>>> byKey) {
        this.byKey = byKey;
        List<Stored<T>> latestActive = new ArrayList<>();
        int all = 0;
        for (List<Stored<T>> versions : byKey.values()) {
            all += versions.size();
            Stored<T> latest = versions.getLast();
            if (latest.active()) {
                latestActive.add(latest);
            }
        }
        latestActive.sort(Comparator.comparing(Stored::key));
        this.active = List.copyOf(latestActive);
        this.count = all;
    }

    /** No versions: a catalog before its first load. */
    @SuppressWarnings("unchecked")
    public static <T> Versions<T> empty() {
        return (Versions<T>) EMPTY;
    }

    /** The index of stored rows, in any order. */
    public static <T> Versions<T> of(List<Stored<T>> rows) {
        Map<String, List<Stored<T>>> byKey = new TreeMap<>();
        for (Stored<T> row : rows) {
            byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<Stored<T>>> frozen = new HashMap<>();
        byKey.forEach((key, list) -> {
            list.sort(Comparator.comparingInt(Stored::version));
            frozen.put(key, List.copyOf(list));
        });
        return new Versions<>(Map.copyOf(frozen));
    }

    /** The latest version of every key whose latest version is active, by key. */
    public List<Stored<T>> active() {
        return active;
    }

    /** The active version of one key; empty when unknown or retired. */
    public Optional<Stored<T>> active(String key) {
        List<Stored<T>> versions = byKey.get(key);
        return versions == null || !versions.getLast().active() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** Every version of one key, oldest first; empty when unknown. */
    public List<Stored<T>> versions(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** One version, active or not. */
    public Optional<Stored<T>> version(String key, int version) {
        List<Stored<T>> all = byKey.get(key);
        if (all == null) {
            return Optional.empty();
        }
        // versions are numbered 1..n per key, so the list index is a guess that is almost always right
        if (version >= 1 && version <= all.size() && all.get(version - 1).version() == version) {
            return Optional.of(all.get(version - 1));
        }
        return all.stream().filter(v -> v.version() == version).findFirst();
    }

    /** How many versions of all keys there are. */
    public int count() {
        return count;
    }
}
