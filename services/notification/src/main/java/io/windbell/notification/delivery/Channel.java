package io.windbell.notification.delivery;

/** Where a message goes. The inbox (and its push stream) is not a delivery: it has its own table and states. */
public enum Channel {
    /** an employee's e-mail, through SMTP */
    EMAIL,
    /** a WeCom group robot of a branch (markdown) */
    WECOM,
    /** a generic JSON webhook, signed with HMAC */
    WEBHOOK,
    /** a customer's invitation through the channel app's push service */
    APP_PUSH,
    /** a customer's invitation through the SMS gateway */
    SMS
}
