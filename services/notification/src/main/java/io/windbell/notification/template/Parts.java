package io.windbell.notification.template;

/**
 * One message rendered for one reader; a part the template does not define is {@code null} (a digest has no inbox item,
 * a robot reminder no e-mail).
 */
public record Parts(String inboxTitle, String inboxBody, String subject, String text, String html, String markdown) {
}
