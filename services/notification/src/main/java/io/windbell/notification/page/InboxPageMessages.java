package io.windbell.notification.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every string of the staff inbox page, in Chinese ({@link EnInboxPageMessages} holds the English ones). */
@MessageBundle(value = "inboxpage", locale = "zh-CN")
public interface InboxPageMessages {

    @Message("风铃 · 我的通知")
    String title();

    @Message("未读")
    String unread();

    @Message("退出登录")
    String logout();

    @Message("登录")
    String login();

    @Message("您已退出登录。")
    String loggedOut();

    @Message("正在登录…")
    String loggingIn();

    @Message("登录失败，请重试。")
    String loginFailed();

    @Message("正在加载…")
    String loading();

    @Message("暂无通知。新的工单会实时显示在这里。")
    String empty();

    @Message("无法加载通知，请稍后重试。")
    String loadFailed();

    @Message("实时更新已连接")
    String live();

    @Message("正在重新连接…")
    String reconnecting();

    @Message("新")
    String newMarker();

    @Message("紧急")
    String critical();

    @Message("优先级")
    String priority();

    @Message("低")
    String priorityLow();

    @Message("普通")
    String priorityNormal();

    @Message("高")
    String priorityHigh();

    @Message("加急")
    String priorityUrgent();

    @Message("创建时间")
    String created();

    @Message("查看工单")
    String openWorkOrder();

    @Message("确认收到")
    String acknowledge();

    @Message("已确认收到")
    String acknowledged();

    @Message("已读")
    String read();

    @Message("返回列表")
    String back();

    @Message("操作失败，请重试。")
    String actionFailed();

    @Message("切换语言")
    String switchLanguage();
}
