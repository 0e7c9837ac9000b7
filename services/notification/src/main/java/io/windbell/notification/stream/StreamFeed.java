package io.windbell.notification.stream;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.windbell.notification.inbox.InboxItemView;

/**
 * The stream's reads of {@code inbox_item} and {@code inbox_counter}, on the reactive pool without an ORM session: a
 * stream holds no connection between reads, and a read is one indexed range scan ({@code unique (employee_id, seq)}).
 */
@ApplicationScoped
public class StreamFeed {

    /** One item ready to go out: its seq and its {@code data:} (the JSON of {@link InboxItemView}). */
    public record Item(long seq, String json) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    StreamFeed(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The employee's last seq (0 when their inbox is empty). */
    public Uni<Long> lastSeq(String employeeId) {
        return pool.preparedQuery("select last_seq from inbox_counter where employee_id = $1")
                .execute(Tuple.of(employeeId)).map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
    }

    /** At most {@code limit} of the employee's items with a seq above {@code after}, in seq order. */
    public Uni<List<Item>> after(String employeeId, long after, int limit) {
        return pool.preparedQuery("select id, seq, source_event_id, event_type, work_order_id, branch_id, title, body,"
                + " priority, critical, link, created_at, delivered_at, read_at, acknowledged_at from inbox_item"
                + " where employee_id = $1 and seq > $2 order by seq limit $3")
                .execute(Tuple.of(employeeId, after, limit)).map(rows -> {
                    List<Item> items = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        items.add(new Item(row.getLong("seq"), write(view(row))));
                    }
                    return items;
                });
    }

    /** Sets {@code delivered_at} of the given items that have none yet, in one statement. */
    public Uni<Integer> markDelivered(String[] employeeIds, Long[] seqs, Instant at) {
        return pool
                .preparedQuery("update inbox_item i set delivered_at = $3 from unnest($1::text[], $2::bigint[])"
                        + " as d(employee_id, seq) where i.employee_id = d.employee_id and i.seq = d.seq"
                        + " and i.delivered_at is null")
                .execute(Tuple.of(employeeIds, seqs, at.atOffset(ZoneOffset.UTC))).map(result -> result.rowCount());
    }

    private static InboxItemView view(Row row) {
        return new InboxItemView(row.getUUID("id"), row.getLong("seq"), row.getUUID("source_event_id"),
                row.getString("event_type"), row.getUUID("work_order_id"), row.getString("branch_id"),
                row.getString("title"), row.getString("body"), row.getString("priority"), row.getBoolean("critical"),
                row.getString("link"), instant(row, "created_at"), instant(row, "delivered_at"),
                instant(row, "read_at"), instant(row, "acknowledged_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private String write(InboxItemView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            // a record of strings, UUIDs and instants always serializes
            throw new IllegalStateException(e);
        }
    }
}
