package io.windbell.contracts.survey;

/** How an invitation reaches the customer. */
public enum DeliveryChannel {
    APP_PUSH, IN_APP, SMS, WECHAT, EMAIL
}
