package io.windbell.workorder.directory.rest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.security.DataScope;

/**
 * Who reads which part of the directory, and the small rules the three resources share: {@code cx-admin} reads
 * everything, a branch manager their branch, a regional manager their region ({@link DataScope}); lists are paged by
 * the id they are ordered by.
 */
final class DirectoryAccess {

    static final String ADMIN = "cx-admin";
    static final Set<String> SEE_ALL = Set.of(ADMIN);

    private DirectoryAccess() {
    }

    static DataScope scope(SecurityIdentity identity) {
        return DataScope.of(identity, SEE_ALL);
    }

    /** The id a list cursor carries, checked by the id rule of the list; {@code null} for the first page. */
    static String after(String cursor, Predicate<String> rule) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String id = Cursor.decode(cursor, 1).getFirst();
        if (!rule.test(id)) {
            throw Cursor.invalidCursor();
        }
        return id;
    }

    /** A page of at most {@code limit} views from {@code limit + 1} rows; the cursor names the last one shown. */
    static <E, V> Page<V> page(List<E> rows, int limit, Function<E, V> view, Function<E, String> id) {
        List<E> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? Cursor.encode(id.apply(shown.getLast())) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /** The body's media type without parameters ({@code text/csv; charset=utf-8} is {@code text/csv}). */
    static String mediaType(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    }
}
