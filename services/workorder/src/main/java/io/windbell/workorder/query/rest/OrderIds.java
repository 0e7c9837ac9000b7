package io.windbell.workorder.query.rest;

import java.util.UUID;

import io.windbell.platform.paging.QueryParams;

/** The {@code {id}} of a work-order URL: a UUID, or a 400 naming the parameter. */
public final class OrderIds {

    private OrderIds() {
    }

    public static UUID parse(String id) {
        QueryParams params = new QueryParams();
        UUID uuid = params.uuid("id", id);
        params.check();
        return uuid;
    }
}
