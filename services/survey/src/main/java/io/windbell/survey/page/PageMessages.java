package io.windbell.survey.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every string of the hosted survey page, in Chinese ({@link EnPageMessages} holds the English ones). */
@MessageBundle(value = "surveypage", locale = "zh-CN")
public interface PageMessages {

    @Message("zh-CN")
    String langTag();

    @Message("en")
    String otherLangTag();

    @Message("English")
    String otherLangName();

    @Message("切换语言")
    String switchLanguage();

    @Message("风铃客户体验")
    String brand();

    @Message("您的反馈")
    String formTitle();

    @Message("感谢您抽出一分钟告诉我们您的体验。标有 * 的问题为必答题。")
    String intro();

    @Message("必答")
    String required();

    @Message("提交")
    String submit();

    @Message("您的回答会自动保存，稍后可以通过同一链接继续。")
    String autosaveNote();

    @Message("已保存")
    String saved();

    @Message("完全不可能")
    String npsLow();

    @Message("极有可能")
    String npsHigh();

    @Message("非常不满意")
    String csatLow();

    @Message("非常满意")
    String csatHigh();

    @Message("非常容易")
    String cesLow();

    @Message("非常困难")
    String cesHigh();

    @Message("很差")
    String ratingLow();

    @Message("很好")
    String ratingHigh();

    @Message("如果您上一题选择了 {min} 到 {max} 分，请回答此题。")
    String conditionalHint(int min, int max);

    @Message("可多选。")
    String chooseAny();

    @Message("最多 {max} 个字。")
    String textHint(int max);

    @Message("请检查以下回答")
    String errorSummary();

    @Message("请回答此问题。")
    String errRequired();

    @Message("请选择 {min} 到 {max} 之间的分数。")
    String errScore(int min, int max);

    @Message("请只选择一项。")
    String errOneChoice();

    @Message("请至少选择一项。")
    String errChoice();

    @Message("请填写内容，或清空此题。")
    String errText();

    @Message("内容过长，最多 {max} 个字。")
    String errTextTooLong(int max);

    @Message("此回答无法识别，请重新选择。")
    String errInvalid();

    @Message("感谢您的反馈")
    String thanksTitle();

    @Message("我们已收到您的回答。您的意见将帮助我们改进服务。")
    String thanksBody();

    @Message("您已完成此问卷")
    String answeredTitle();

    @Message("此问卷已经提交过了，无需再次填写。感谢您的反馈！")
    String answeredBody();

    @Message("此问卷链接已过期")
    String expiredTitle();

    @Message("很抱歉，此问卷已截止，无法再提交回答。感谢您的关注。")
    String expiredBody();

    @Message("找不到此问卷")
    String notFoundTitle();

    @Message("链接无效或不完整。请检查您收到的链接是否完整。")
    String notFoundBody();

    @Message("您的回答仅用于改进我们的服务。")
    String privacy();
}
