package io.windbell.config.rest;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.DuplicateException;
import io.windbell.config.VersionedStore.StaleVersionException;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.VersionedStore.UnknownException;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.versioning.Versioning;

/**
 * The create / change / retire flows of a versioned configuration API, after the resource has parsed, authorized and
 * validated: store the version, answer the store's refusals as problems (409 duplicate, 404 unknown, 412 stale with the
 * active version), reload the caller's catalog without ever failing a committed change, log, and answer with ETag (and
 * Location).
 *
 * @param <T>
 *            the domain record of one version
 */
public final class VersionedCommands<T> {

    private static final Logger LOG = Logger.getLogger(VersionedCommands.class);

    private final VersionedStore<T> store;
    private final String path;
    private final Runnable reload;
    private final Supplier<String> author;

    /**
     * @param path
     *            the collection's path, e.g. {@code /v1/questions}: a created version's Location is below it
     * @param reload
     *            reloads the in-memory catalog of this replica, so that the change is in force for its next request
     * @param author
     *            who makes the change now ({@code null} when anonymous)
     */
    public VersionedCommands(VersionedStore<T> store, String path, Runnable reload, Supplier<String> author) {
        this.store = store;
        this.path = path;
        this.reload = reload;
        this.author = author;
    }

    /** Commands whose author is the caller of the request ({@code null} when anonymous). */
    public VersionedCommands(VersionedStore<T> store, String path, Runnable reload, SecurityIdentity identity) {
        this(store, path, reload, () -> identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }

    /** Stores the first version of a key (or a retired key's next): 201 with Location and ETag; 409 when active. */
    public <D> Response create(T candidate, Function<Stored<T>, D> document) {
        Stored<T> created;
        try {
            created = store.create(candidate, author.get());
        } catch (DuplicateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        reloadQuietly(reload, store.what());
        LOG.infof("%s %s created as version %d", store.what(), created.key(), created.version());
        return Response.created(URI.create(path + "/" + created.key())).entity(document.apply(created))
                .tag(Versioning.etag(created.version())).build();
    }

    /**
     * Stores the next version if {@code expectedVersion} (from If-Match) is still the active one: 200 with the new
     * ETag; 404 when the key is unknown, 412 naming the active version when stale.
     */
    public <D> Response change(T candidate, int expectedVersion, Function<Stored<T>, D> document) {
        Stored<T> created;
        try {
            created = store.createNextVersion(candidate, expectedVersion, author.get());
        } catch (UnknownException e) {
            throw ProblemException.notFound(store.what(), e.key());
        } catch (StaleVersionException e) {
            throw Versioning.preconditionFailed(e.getMessage(), e.activeVersion());
        }
        reloadQuietly(reload, store.what());
        LOG.infof("%s %s changed to version %d", store.what(), created.key(), created.version());
        return Response.ok(document.apply(created)).tag(Versioning.etag(created.version())).build();
    }

    /** Retires a key by storing an inactive version: 204, also when it was retired already; 404 when unknown. */
    public Response retire(String key) {
        Optional<Stored<T>> retired;
        try {
            retired = store.retire(key, author.get());
        } catch (UnknownException e) {
            throw ProblemException.notFound(store.what(), key);
        }
        retired.ifPresent(v -> LOG.infof("%s %s retired with version %d", store.what(), key, v.version()));
        reloadQuietly(reload, store.what());
        return Response.noContent().build();
    }

    /**
     * Reloads a catalog after a change. The change is committed whatever happens here: if this replica cannot reload
     * now, its timer catches up, and the client must not be told that its change failed.
     *
     * @param what
     *            what changed, for the log
     */
    public static void reloadQuietly(Runnable reload, String what) {
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s changed but the catalog is not reloaded yet, the timer will: %s", what, e.getMessage());
        }
    }
}
