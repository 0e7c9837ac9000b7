package io.windbell.ingest.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Use cases of the touchpoint catalog. Every change reloads this replica's cache at once; PostgreSQL notifies the
 * others.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    private final CatalogCache cache;

    CatalogService(CatalogCache cache) {
        this.cache = cache;
    }

    public Uni<Page<TouchpointView>> list(String journey, String channel, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (cursor != null) {
            where.append(" and code > :after");
            params.and("after", Cursor.decode(cursor, 1).getFirst());
        }
        if (journey != null) {
            where.append(" and journey = :journey");
            params.and("journey", journey);
        }
        return Panache.withSession(() -> Touchpoint.<Touchpoint> find(where + " order by code", params).list())
                .map(rows -> {
                    List<TouchpointView> views = new ArrayList<>();
                    for (Touchpoint t : rows) {
                        if (channel == null || List.of(t.channels).contains(channel)) {
                            views.add(TouchpointView.of(t));
                        }
                    }
                    if (views.size() <= limit) {
                        return new Page<>(views, null);
                    }
                    List<TouchpointView> page = views.subList(0, limit);
                    return new Page<>(List.copyOf(page), Cursor.encode(page.getLast().code()));
                });
    }

    public Uni<TouchpointView> get(String code) {
        return Panache.withSession(() -> Touchpoint.<Touchpoint> findById(code)).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("touchpoint", code)).map(TouchpointView::of);
    }

    public Uni<TouchpointView> create(TouchpointRequest request) {
        return Panache.withTransaction(() -> checkReferences(request)
                .chain(() -> Touchpoint.<Touchpoint> findById(request.code())).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom()
                                .failure(ProblemException.conflict("touchpoint " + request.code() + " exists already"));
                    }
                    Touchpoint t = new Touchpoint();
                    t.code = request.code();
                    apply(t, request);
                    return t.persistAndFlush().replaceWith(t);
                })).map(TouchpointView::of).call(view -> cache.reload())
                .invoke(view -> LOG.infof("touchpoint %s created", view.code()));
    }

    public Uni<TouchpointView> update(String code, TouchpointRequest request, Integer expectedVersion) {
        if (!code.equals(request.code())) {
            return Uni.createFrom().failure(invalid("code", "must equal the code in the path"));
        }
        return Panache
                .withTransaction(() -> checkReferences(request).chain(() -> Touchpoint.<Touchpoint> findById(code))
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("touchpoint", code)).chain(t -> {
                            if (expectedVersion != null && expectedVersion != t.version) {
                                return Uni.createFrom().failure(ProblemException.conflict("touchpoint " + code
                                        + " is at version " + t.version + ", not " + expectedVersion));
                            }
                            apply(t, request);
                            return t.persistAndFlush().replaceWith(t);
                        }))
                .map(TouchpointView::of).call(view -> cache.reload())
                .invoke(view -> LOG.infof("touchpoint %s updated to version %d", code, view.version()));
    }

    /** Retires a touchpoint: events reporting it are rejected from now on, history stays readable. */
    public Uni<TouchpointView> retire(String code) {
        return Panache.withTransaction(() -> Touchpoint.<Touchpoint> findById(code).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("touchpoint", code)).chain(t -> {
                    t.active = false;
                    t.updatedAt = Instant.now();
                    return t.persistAndFlush().replaceWith(t);
                })).map(TouchpointView::of).call(view -> cache.reload())
                .invoke(view -> LOG.infof("touchpoint %s retired", code));
    }

    public Uni<List<Channel>> channels() {
        return Panache.withSession(() -> Channel.<Channel> listAll(io.quarkus.panache.common.Sort.by("code")));
    }

    public Uni<List<Journey>> journeys() {
        return Panache.withSession(() -> Journey.<Journey> listAll(io.quarkus.panache.common.Sort.by("code")));
    }

    private Uni<Void> checkReferences(TouchpointRequest request) {
        return Journey.<Journey> findById(request.journey()).chain(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(invalid("journey", "unknown journey '" + request.journey() + "'"));
            }
            List<String> unknown = request.channels().stream().filter(c -> !cache.snapshot().channels().contains(c))
                    .toList();
            if (!unknown.isEmpty()) {
                return Uni.createFrom().failure(invalid("channels", "unknown channel(s) " + unknown));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void apply(Touchpoint t, TouchpointRequest r) {
        t.name = r.name();
        t.nameZh = r.nameZh();
        t.journey = r.journey();
        t.stepOrder = r.stepOrder();
        t.phase = r.phase();
        t.keyNode = r.keyNode();
        t.channels = r.channels().stream().distinct().toArray(String[]::new);
        t.description = r.description();
        t.active = r.active() == null || r.active();
        t.updatedAt = Instant.now();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, field + " is invalid")
                .withViolations(List.of(new Violation(field, message))));
    }
}
