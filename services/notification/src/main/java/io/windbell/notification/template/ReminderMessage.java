package io.windbell.notification.template;

/**
 * A reminder of a critical inbox item nobody acknowledged.
 *
 * @param title
 *            the item's title, as it was rendered for the employee
 * @param employeeId
 *            whose item it is (a group robot names them)
 * @param minutes
 *            how long it has waited
 */
public record ReminderMessage(String title, String body, String employeeId, long minutes, String link) {
}
