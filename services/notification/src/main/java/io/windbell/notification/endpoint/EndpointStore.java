package io.windbell.notification.endpoint;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.windbell.notification.delivery.DeliveryRows;
import io.windbell.notification.delivery.Sender;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;

/**
 * The operators' changes to {@code endpoint} (create, change with the version read, delete) and the lookups of the
 * senders. The secret is written here, sealed ({@link SecretBox}), and read only by {@link #target} for signing; no
 * answer carries it.
 */
@ApplicationScoped
public class EndpointStore {

    private static final Logger LOG = Logger.getLogger(EndpointStore.class);
    private static final String COLUMNS = "id, kind, name, branch_id, event_types, url, secret is not null as has_secret,"
            + " enabled, created_at, updated_at, version";

    /** Where a sender sends now (an operator may have fixed the URL since the delivery was queued). */
    public record Target(String url, String secret, boolean enabled) {
    }

    private final Pool pool;
    private final SecretBox secrets;

    public EndpointStore(Pool pool, EndpointsConfig config) {
        this.pool = pool;
        this.secrets = new SecretBox(config.secretKey());
    }

    /** The endpoint's current URL, secret and switch; {@code null} when it was deleted. */
    public Uni<Target> target(UUID id) {
        return pool.preparedQuery("select url, secret, enabled from endpoint where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    String secret;
                    try {
                        secret = secrets.open(row.getString("secret"));
                    } catch (IllegalStateException e) {
                        // another key (or an altered row): no retry opens it; the operator gives the endpoint its
                        // secret again and re-drives
                        throw new Sender.PermanentFailure(e.getMessage());
                    }
                    return new Target(row.getString("url"), secret, row.getBoolean("enabled"));
                });
    }

    /**
     * Where a robot or webhook delivery to {@code recipient} (an endpoint id) goes now; {@code null} when the endpoint
     * was deleted or switched off (the delivery is then skipped, not failed).
     */
    public Uni<Target> sendingTo(String recipient) {
        UUID id;
        try {
            id = UUID.fromString(recipient);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new Sender.PermanentFailure("the recipient is not an endpoint id"));
        }
        return target(id).map(target -> target == null || !target.enabled() ? null : target);
    }

    /** One page, newest first. */
    public Uni<Page<EndpointView>> list(Keyset after, int limit) {
        Tuple params = Tuple.tuple();
        String where = "";
        if (after != null) {
            where = " where (created_at, id) < ($1, $2)";
            params.addValue(DeliveryRows.at(after.at())).addValue(after.id());
        }
        params.addValue(limit + 1);
        String sql = "select " + COLUMNS + " from endpoint" + where + " order by created_at desc, id desc limit $"
                + params.size();
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<EndpointView> all = views(rows);
            List<EndpointView> items = all.stream().limit(limit).toList();
            String next = all.size() > limit ? new Keyset(items.getLast().createdAt(), items.getLast().id()).encode()
                    : null;
            return new Page<>(items, next);
        });
    }

    /** The endpoint; 404 when there is none. */
    public Uni<EndpointView> get(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from endpoint where id = $1").execute(Tuple.of(id))
                .map(rows -> single(rows, id));
    }

    /** Whether the endpoint has a secret stored; 404 when there is no endpoint. */
    public Uni<Boolean> hasSecret(UUID id) {
        return get(id).map(EndpointView::hasSecret);
    }

    public Uni<EndpointView> create(EndpointSpec spec, Instant now) {
        UUID id = UUID.randomUUID();
        Tuple params = Tuple.tuple().addValue(id).addValue(spec.kind()).addValue(spec.name()).addValue(spec.branchId())
                .addValue(spec.eventTypeList().toArray(String[]::new)).addValue(spec.url())
                .addValue(secrets.seal(spec.secret())).addValue(spec.isEnabled()).addValue(DeliveryRows.at(now));
        return pool.preparedQuery("insert into endpoint (id, kind, name, branch_id, event_types, url, secret, enabled,"
                + " created_at, updated_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 1) returning "
                + COLUMNS).execute(params).map(rows -> single(rows, id))
                .invoke(view -> LOG.infof("endpoint %s (%s, branch %s) created", view.id(), view.kind(),
                        view.branchId()));
    }

    /**
     * Replaces the endpoint when its version is still {@code expected}; a {@code null} secret, or a robot URL sent back
     * masked ({@link RobotUrls}), keeps the stored one. 404 when there is none, 409 when it changed since it was read.
     */
    public Uni<EndpointView> update(UUID id, long expected, EndpointSpec spec, Instant now) {
        Tuple params = Tuple.tuple().addValue(id).addValue(expected).addValue(spec.kind()).addValue(spec.name())
                .addValue(spec.branchId()).addValue(spec.eventTypeList().toArray(String[]::new)).addValue(spec.url())
                .addValue(secrets.seal(spec.secret())).addValue(spec.isEnabled()).addValue(DeliveryRows.at(now))
                .addValue(RobotUrls.masked(spec.url()));
        return pool.preparedQuery("update endpoint set kind = $3, name = $4, branch_id = $5, event_types = $6,"
                + " url = case when $11 then url else $7 end, secret = case when $3 = 'WEBHOOK' then coalesce($8, secret) end, enabled = $9,"
                + " updated_at = $10, version = version + 1 where id = $1 and version = $2 returning " + COLUMNS)
                .execute(params)
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(single(rows, id)) : get(id).map(current -> {
                    throw stale(id, current.version());
                })).invoke(view -> LOG.infof("endpoint %s changed to version %d", id, view.version()));
    }

    /** Deletes the endpoint when its version is still {@code expected}: 404 when there is none, 409 when stale. */
    public Uni<Void> delete(UUID id, long expected) {
        return pool.preparedQuery("delete from endpoint where id = $1 and version = $2").execute(Tuple.of(id, expected))
                .chain(rows -> rows.rowCount() > 0 ? Uni.createFrom().voidItem() : get(id).map(current -> {
                    throw stale(id, current.version());
                })).invoke(() -> LOG.infof("endpoint %s deleted", id)).replaceWithVoid();
    }

    private static ProblemException stale(UUID id, long current) {
        return new ProblemException(Problem
                .of("conflict", "Conflict", 409,
                        "endpoint " + id + " changed since it was read: read it again and send its ETag in If-Match")
                .with("currentVersion", current));
    }

    private static EndpointView single(RowSet<Row> rows, UUID id) {
        if (rows.size() == 0) {
            throw ProblemException.notFound("endpoint", id.toString());
        }
        return views(rows).getFirst();
    }

    private static List<EndpointView> views(RowSet<Row> rows) {
        List<EndpointView> views = new java.util.ArrayList<>();
        for (Row row : rows) {
            String[] types = row.getArrayOfStrings("event_types");
            views.add(new EndpointView(row.getUUID("id"), row.getString("kind"), row.getString("name"),
                    row.getString("branch_id"), types == null ? List.of() : Arrays.asList(types),
                    RobotUrls.shown(row.getString("url")), row.getBoolean("has_secret"), row.getBoolean("enabled"),
                    DeliveryRows.instant(row, "created_at"), DeliveryRows.instant(row, "updated_at"),
                    row.getLong("version")));
        }
        return views;
    }
}
