package io.windbell.loadgen.respond;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Short free-text comments in the survey's language, of the kind bank customers leave: complaints from detractors, mild
 * remarks from passives, thanks from promoters. Simplified and traditional Chinese and English; any other language gets
 * English.
 */
public final class OpenText {

    private static final Map<Sentiment, List<String>> SIMPLIFIED = byGroup(
            List.of("风险测评一直超时，只好重新做了一遍。", "验证码老是过期，最后去网点才办完。", "页面卡住了好几次，体验很差。", "排队等了很久，也没人解释原因。",
                    "流程太复杂，看不懂要上传什么材料。"),
            List.of("还可以，就是步骤有点多。", "能办下来，但等待时间偏长。", "整体正常，希望提示再清楚一些。"),
            List.of("办理很顺利，几分钟就好了。", "客户经理很专业，解释得很清楚。", "手机上操作很方便，点赞。"));

    private static final Map<Sentiment, List<String>> TRADITIONAL = byGroup(
            List.of("風險測評一直逾時，只好重新做一遍。", "驗證碼老是過期，最後去分行才辦完。", "頁面卡住好幾次，體驗很差。"), List.of("還可以，就是步驟有點多。", "能辦好，但等待時間偏長。"),
            List.of("辦理很順利，幾分鐘就好了。", "客戶經理很專業，解釋得很清楚。"));

    private static final Map<Sentiment, List<String>> ENGLISH = byGroup(
            List.of("The risk assessment kept timing out and I had to start over.",
                    "The verification code expired twice; I finished it in the branch.",
                    "The app froze several times. Very frustrating.",
                    "Too many steps and nobody told me which documents to upload."),
            List.of("It worked, but it took longer than I expected.",
                    "Fine overall, the instructions could be clearer."),
            List.of("Quick and easy, done in a few minutes.", "My relationship manager was very helpful.",
                    "Smooth on the phone, thank you."));

    private static final Map<String, Map<Sentiment, List<String>>> PHRASES = Map.of("zh-Hans", SIMPLIFIED, "zh-Hant",
            TRADITIONAL, "en", ENGLISH);

    private OpenText() {
    }

    private static Map<Sentiment, List<String>> byGroup(List<String> detractors, List<String> passives,
            List<String> promoters) {
        return Map.of(Sentiment.DETRACTOR, detractors, Sentiment.PASSIVE, passives, Sentiment.PROMOTER, promoters);
    }

    /** A comment in the language of {@code locale} (a BCP 47 tag such as zh-CN, zh-HK, en-GB). */
    public static String comment(String locale, Sentiment sentiment, RandomGenerator random) {
        List<String> phrases = PHRASES.get(script(locale)).get(sentiment);
        return phrases.get(random.nextInt(phrases.size()));
    }

    /** zh-Hant for Taiwan, Hong Kong, Macao or an explicit Hant script; zh-Hans for other Chinese; else en. */
    static String script(String locale) {
        Locale l = Locale.forLanguageTag(locale == null ? "" : locale);
        if (!l.getLanguage().equals("zh")) {
            return "en";
        }
        boolean traditional = l.getScript().equals("Hant")
                || (l.getScript().isEmpty() && List.of("TW", "HK", "MO").contains(l.getCountry()));
        return traditional ? "zh-Hant" : "zh-Hans";
    }
}
