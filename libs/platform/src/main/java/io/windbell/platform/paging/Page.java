package io.windbell.platform.paging;

import java.util.List;

/** One page of a list answer; {@code nextCursor} is {@code null} on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
