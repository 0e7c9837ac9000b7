package io.windbell.notification.page;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The English strings of the staff inbox page. */
@Localized("en")
public interface EnInboxPageMessages extends InboxPageMessages {

    @Override
    @Message("Windbell · My notifications")
    String title();

    @Override
    @Message("Unread")
    String unread();

    @Override
    @Message("Log out")
    String logout();

    @Override
    @Message("Log in")
    String login();

    @Override
    @Message("You are logged out.")
    String loggedOut();

    @Override
    @Message("Logging in…")
    String loggingIn();

    @Override
    @Message("Login failed, please try again.")
    String loginFailed();

    @Override
    @Message("Loading…")
    String loading();

    @Override
    @Message("No notifications yet. New work orders appear here as they arrive.")
    String empty();

    @Override
    @Message("Notifications could not be loaded. Please try again later.")
    String loadFailed();

    @Override
    @Message("Live updates connected")
    String live();

    @Override
    @Message("Reconnecting…")
    String reconnecting();

    @Override
    @Message("New")
    String newMarker();

    @Override
    @Message("Critical")
    String critical();

    @Override
    @Message("Priority")
    String priority();

    @Override
    @Message("Low")
    String priorityLow();

    @Override
    @Message("Normal")
    String priorityNormal();

    @Override
    @Message("High")
    String priorityHigh();

    @Override
    @Message("Urgent")
    String priorityUrgent();

    @Override
    @Message("Created")
    String created();

    @Override
    @Message("Open the work order")
    String openWorkOrder();

    @Override
    @Message("Acknowledge")
    String acknowledge();

    @Override
    @Message("Acknowledged")
    String acknowledged();

    @Override
    @Message("Read")
    String read();

    @Override
    @Message("Back to the list")
    String back();

    @Override
    @Message("That did not work, please try again.")
    String actionFailed();

    @Override
    @Message("Change language")
    String switchLanguage();
}
