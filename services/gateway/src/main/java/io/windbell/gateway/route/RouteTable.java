package io.windbell.gateway.route;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The routes, longest prefix first: a path belongs to the most specific route that covers it. */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
                .toList();
        for (int i = 1; i < this.routes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.routes.get(i).prefix().equals(this.routes.get(j).prefix())) {
                    throw new IllegalArgumentException("routes " + this.routes.get(j).name() + " and "
                            + this.routes.get(i).name() + " have the same prefix " + this.routes.get(i).prefix());
                }
            }
        }
    }

    /** The route of a normalised path, if any covers it. */
    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.covers(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** All routes, in an order fixed for the index: by name. */
    public List<Route> all() {
        return routes.stream().sorted(Comparator.comparing(Route::name)).toList();
    }
}
