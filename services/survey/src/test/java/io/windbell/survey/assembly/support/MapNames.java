package io.windbell.survey.assembly.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.windbell.survey.names.Names;

/** Display names held in a map; unknown names are empty, as with a catalog that lacks them. */
public final class MapNames implements Names {

    private final Map<String, String> names = new HashMap<>();

    public static MapNames names() {
        return new MapNames();
    }

    /**
     * Names of the standard test journey: the wealth purchase, five touchpoints, branch {@code B001}, employee
     * {@code E007} and product {@code P01}.
     */
    public static MapNames standard() {
        return names().add(Kind.JOURNEY, JourneyBuilder.WEALTH, "理财购买", "wealth purchase")
                .add(Kind.TOUCHPOINT, "LOGIN", "登录", "login")
                .add(Kind.TOUCHPOINT, "PRODUCT_VIEW", "产品详情", "product page")
                .add(Kind.TOUCHPOINT, "RISK_ASSESSMENT", "风险测评", "risk assessment")
                .add(Kind.TOUCHPOINT, "PAYMENT", "支付", "payment")
                .add(Kind.TOUCHPOINT, "BRANCH_COUNTER", "网点柜台", "branch counter")
                .add(Kind.BRANCH, "B001", "福田支行", "Futian sub-branch").add(Kind.EMPLOYEE, "E007", "王经理", "Manager Wang")
                .add(Kind.PRODUCT, "P01", "朝朝宝", "Zhaozhaobao");
    }

    /** Names {@code code} in both locales. */
    public MapNames add(Kind kind, String code, String zh, String en) {
        put(kind, code, "zh-CN", zh);
        return put(kind, code, "en", en);
    }

    public MapNames put(Kind kind, String code, String locale, String name) {
        names.put(kind + "|" + code + "|" + locale, name);
        return this;
    }

    @Override
    public Optional<String> name(Kind kind, String code, String locale) {
        return Optional.ofNullable(names.get(kind + "|" + code + "|" + locale));
    }
}
