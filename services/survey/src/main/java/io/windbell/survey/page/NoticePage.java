package io.windbell.survey.page;

/**
 * A page with a message and nothing to fill in: thanks, already answered, expired, not found.
 *
 * @param kind
 *            {@code thanks}, {@code answered}, {@code expired} or {@code not-found} (a CSS hook and a test hook)
 */
public record NoticePage(PageMessages m, String lang, String kind, String title, String body) {
}
