package io.windbell.notification.template;

import java.util.List;

/**
 * A digest of held low-priority items.
 *
 * @param date
 *            the digest's date in the reader's zone
 * @param items
 *            the subjects of the held messages, oldest first
 */
public record DigestMessage(String date, List<String> items) {
}
