package io.windbell.notification.delivery;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.windbell.contracts.EventJson;

/** Builds deliveries and endpoints for the worker's tests and reads back where they stand. */
final class DeliveryFixture {

    /** A delivery row as the tests look at it. */
    record Row(UUID id, String status, int attempts, Instant nextAttemptAt, Instant sentAt) {
    }

    /** One line of a delivery's log. */
    record Line(String outcome, Integer statusCode, String error) {
    }

    private final Deliveries deliveries;
    private final DataSource dataSource;

    DeliveryFixture(Deliveries deliveries, DataSource dataSource) {
        this.deliveries = deliveries;
        this.dataSource = dataSource;
    }

    static Content content(String eventType) {
        ObjectNode json = EventJson.mapper().createObjectNode().put("type", eventType).put("title", "回访客户");
        return new Content("zh-CN", "新工单：回访客户", "请在 2 小时内回访客户。", "<p>请在 <b>2 小时</b>内回访客户。</p>", "**新工单**：回访客户", json);
    }

    /** Enqueues one delivery of {@code channel} and answers its id. */
    UUID enqueue(Channel channel, String recipient, String address, Instant notAfter) throws Throwable {
        UUID event = UUID.randomUUID();
        DeliveryRequest request = new DeliveryRequest(event, "workorder.created", recipient, channel, address, "B001",
                false, content("workorder.created"), null, notAfter, false);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> deliveries.enqueue(request)));
        return queryOne("select id from delivery where source_event_id = ? and recipient = ? and channel = ?",
                rs -> (UUID) rs.getObject(1), event, recipient, channel.name());
    }

    /** Creates an endpoint through the operator API (the caller must run as cx-admin) and answers its id. */
    static UUID endpoint(String kind, String url, String secret) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("kind", kind, "name", "test " + UUID.randomUUID(), "url", url, "enabled", true));
        if (secret != null) {
            body.put("secret", secret);
        }
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/v1/admin/endpoints").then()
                .statusCode(201).extract().path("id"));
    }

    Row row(UUID id) throws Exception {
        return queryOne("select id, status, attempts, next_attempt_at, sent_at from delivery where id = ?",
                rs -> new Row((UUID) rs.getObject(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
                id);
    }

    List<Line> log(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select outcome, status_code, error from delivery_attempt where delivery_id = ? order by attempt")) {
            s.setObject(1, id);
            List<Line> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Line(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)));
                }
            }
            return lines;
        }
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws Exception;
    }

    private <T> T queryOne(String sql, Reader<T> reader, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + List.of(params));
                }
                return reader.read(rs);
            }
        }
    }
}
