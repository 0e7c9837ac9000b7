package io.windbell.config.rest;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.versioning.Versioning;

/**
 * The read side of a versioned configuration API, answered from the in-memory catalog: the active versions (a page by
 * key), the active version of a key with its ETag, and every version of a key, retired ones included.
 *
 * @param <T>
 *            the domain record of one version
 */
public final class VersionedReads<T> {

    private final String what;
    private final String path;
    private final Supplier<Versions<T>> versions;

    /**
     * @param what
     *            how problems name a key's kind, e.g. {@code question}
     * @param path
     *            the collection's path, e.g. {@code /v1/questions}
     * @param versions
     *            the catalog's current versions (read once per request)
     */
    public VersionedReads(String what, String path, Supplier<Versions<T>> versions) {
        this.what = what;
        this.path = path;
        this.versions = versions;
    }

    /** A page of the active versions whose value {@code matches}, by key, after the key {@code cursor} names. */
    public <D> Page<D> list(Predicate<T> matches, String cursor, Integer limit, Function<Stored<T>, D> document) {
        int max = Cursor.limit(limit);
        String after = Versioning.keyCursor(cursor);
        List<Stored<T>> rows = versions.get().active().stream()
                .filter(v -> after == null || v.key().compareTo(after) > 0).filter(v -> matches.test(v.value()))
                .toList();
        return Versioning.page(rows, max, document, Stored::key);
    }

    /** 200 with the active version and its ETag; 404 when unknown, or retired (naming where its versions stay). */
    public <D> Response active(String key, Function<Stored<T>, D> document) {
        Versions<T> current = versions.get();
        Stored<T> active = current.active(key).orElseThrow(() -> notActive(current, key));
        return tagged(active, document);
    }

    /** A page of every version of a key, oldest first, after the version {@code cursor} names; 404 when unknown. */
    public <D> Page<D> versions(String key, String cursor, Integer limit, Function<Stored<T>, D> document) {
        int max = Cursor.limit(limit);
        int after = Versioning.versionCursor(cursor);
        List<Stored<T>> all = versions.get().versions(key);
        if (all.isEmpty()) {
            throw ProblemException.notFound(what, key);
        }
        return Versioning.page(all.stream().filter(v -> v.version() > after).toList(), max, document,
                v -> String.valueOf(v.version()));
    }

    /** One version, active or not; 404 when there is no such version. */
    public Stored<T> version(String key, int version) {
        return versions.get().version(key, version)
                .orElseThrow(() -> ProblemException.notFound(what, key + " version " + version));
    }

    /** 200 with one version and its ETag. */
    public static <T, D> Response tagged(Stored<T> stored, Function<Stored<T>, D> document) {
        return Response.ok(document.apply(stored)).tag(Versioning.etag(stored.version())).build();
    }

    private ProblemException notActive(Versions<T> current, String key) {
        if (current.versions(key).isEmpty()) {
            return ProblemException.notFound(what, key);
        }
        return new ProblemException(Problem.of("not-found", "Not found", 404,
                what + " " + key + " is retired; its versions stay readable under " + path + "/" + key + "/versions"));
    }
}
