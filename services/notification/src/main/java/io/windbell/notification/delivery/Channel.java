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
    SMS,
    /** a customer's invitation in the bank's WeChat official account (no adapter yet: recorded as skipped) */
    WECHAT;

    /**
     * The delivery channel of a survey invitation's channel: the adapters' own ({@link #APP_PUSH} also carries
     * {@code IN_APP}), else the one of the same name ({@code EMAIL} to a customer has no adapter yet either).
     */
    public static Channel of(io.windbell.contracts.survey.DeliveryChannel channel) {
        return channel == io.windbell.contracts.survey.DeliveryChannel.IN_APP ? APP_PUSH : valueOf(channel.name());
    }
}
