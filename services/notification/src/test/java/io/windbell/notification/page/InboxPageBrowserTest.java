package io.windbell.notification.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.windbell.notification.inbox.Inbox;
import io.windbell.notification.inbox.InboxEntry;
import io.windbell.notification.support.NotificationTestResource;

/**
 * The staff inbox page in a real headless Chromium at a phone's viewport, logging in through a real (small) OIDC
 * provider with authorization code + PKCE ({@link TestIdentityProvider}), against the service's inbox API and stream.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
@QuarkusTestResource(value = TestIdentityProvider.class, restrictToAnnotatedClass = true)
class InboxPageBrowserTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "windbell.notification.page.issuer")
    String issuer;

    // every test class is a bean of every test application: a default keeps the others starting without the provider
    @ConfigProperty(name = TestIdentityProvider.EMPLOYEE, defaultValue = "no-test-identity-provider")
    String employee;

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startBrowser() {
        browser = PhoneBrowser.start();
        // the page reloads itself once after a login that asked for a language: elements go stale meanwhile
        wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Every test starts logged out: the page keeps its tokens in the tab's sessionStorage. */
    @BeforeEach
    void forgetTheSession() {
        browser.get(base + "inbox/app.css");
        js("sessionStorage.clear()");
    }

    @Test
    void theProviderExchangesACodeOnlyForTheVerifierOfItsChallenge() {
        String verifier = "the-right-verifier-" + UUID.randomUUID() + UUID.randomUUID();
        String redirect = base + "inbox";
        Response authorized = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", "windbell-console").queryParam("redirect_uri", redirect)
                .queryParam("state", "s-1").queryParam("code_challenge", TestIdentityProvider.s256(verifier))
                .queryParam("code_challenge_method", "S256").get(issuer + "/protocol/openid-connect/auth");
        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = authorized.header("Location");
        assertThat(location).startsWith(redirect + "?").contains("state=s-1");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

        given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", redirect).formParam("client_id", "windbell-console")
                .formParam("code_verifier", verifier + "-not").post(issuer + "/protocol/openid-connect/token").then()
                .statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
        given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", redirect).formParam("client_id", "windbell-console")
                .formParam("code_verifier", verifier).post(issuer + "/protocol/openid-connect/token").then()
                .statusCode(200).body("access_token", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void thePageIsAPublicShellWithAStrictPolicy() {
        String issuerOrigin = URI.create(issuer).resolve("/").toString().replaceAll("/$", "");
        Response page = given().queryParam("lang", "en").get(base + "inbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';")
                .contains("connect-src 'self' " + issuerOrigin + ";").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body().asString()).contains("<html lang=\"en\">").contains("data-issuer=\"" + issuer + "\"")
                .contains("data-client-id=\"windbell-console\"").doesNotContain("<script>");

        assertThat(given().header("Accept-Language", "en-GB,en;q=0.8").get(base + "inbox").body().asString())
                .contains("<html lang=\"en\">");
        assertThat(given().header("Accept-Language", "fr-FR, zh-TW;q=0.5").get(base + "inbox").body().asString())
                .contains("<html lang=\"zh-CN\">");
        given().get(base + "inbox/app.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
    }

    @Test
    void anEmployeeLogsInWithPkceStaysLoggedInThroughARefreshAndLogsOut() {
        int logins = stat("logins");
        int refreshes = stat("refreshes");
        int logouts = stat("logouts");
        int refusals = stat("refusals");

        browser.get(base + "inbox?lang=en");
        awaitInbox();
        // the one-time code left the address bar; the language asked for survived the round trip to the provider
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "inbox?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(stat("logins")).isEqualTo(logins + 1);
        assertThat(appData("employee")).isEqualTo(employee);
        assertThat(testid("who").getText()).contains(employee);
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(PhoneBrowser.WIDTH);

        // the page refreshes its token ahead of expiry, with the refresh token the provider issued
        await().atMost(Duration.ofSeconds(60)).until(() -> stat("refreshes") > refreshes);
        assertThat(stat("refusals")).as("a refused code or refresh token").isEqualTo(refusals);

        testid("logout").click();
        wait.until(d -> "signed-out".equals(appData("state")));
        assertThat(stat("logouts")).isEqualTo(logouts + 1);
        assertThat(js("return sessionStorage.getItem('windbell.inbox.tokens')")).isNull();
        assertThat(testid("list-view").isDisplayed()).isFalse();

        testid("login").click();
        awaitInbox();
        assertThat(stat("logins")).isEqualTo(logins + 2);
    }

    @Test
    void theChinesePageShowsTheChineseTexts() {
        browser.get(base + "inbox");
        awaitInbox();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.getTitle()).isEqualTo("风铃 · 我的通知");
        assertThat(testid("logout").getText()).isEqualTo("退出登录");
        assertThat(testid("lang-switch").getText()).endsWith("English");
        // the stylesheet loaded under the page's policy
        assertThat(js("return getComputedStyle(document.querySelector('.bar')).position")).isEqualTo("sticky");
        assertThat(testid("acknowledge").getAttribute("textContent")).isEqualTo("确认收到");
    }

    /** Needs part A's inbox API and stream (GET inbox, unread-count, read, acknowledge, stream tickets, stream). */
    @Test
    void anItemAppendedAfterThePageLoadedArrivesLiveIsReadAndAcknowledged() throws Throwable {
        String earlier = "Earlier " + UUID.randomUUID();
        append(earlier, "NORMAL", false);

        browser.get(base + "inbox?lang=en");
        awaitInbox();
        assertThat(appData("state")).as("the inbox loaded").isEqualTo("ready");
        assertThat(titles()).contains(earlier);
        wait.until(d -> "live".equals(appData("stream")));
        js("window.loadedOnce = true");

        String live = "Live " + UUID.randomUUID();
        UUID workOrder = append(live, "URGENT", true);
        wait.until(d -> titles().contains(live));
        assertThat(js("return window.loadedOnce")).as("no reload").isEqualTo(true);
        WebElement item = browser.findElements(By.cssSelector("[data-testid=inbox-item]")).get(0);
        assertThat(item.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo(live);
        assertThat(item.findElement(By.cssSelector("[data-testid=item-new]")).getText()).isEqualTo("New");
        assertThat(item.findElement(By.cssSelector("[data-testid=item-critical]")).getText()).isEqualTo("Critical");
        assertThat(item.getAttribute("class")).contains("critical").contains("unread");
        wait.until(d -> testid("unread-count").getText().equals(Long.toString(unread())));

        item.findElement(By.cssSelector("[data-testid=item-open]")).click();
        wait.until(d -> testid("detail").isDisplayed());
        assertThat(testid("detail-title").getText()).isEqualTo(live);
        assertThat(testid("detail-body").getText()).isEqualTo("Call the customer back about " + live);
        assertThat(testid("detail-priority").getText()).isEqualTo("Urgent");
        assertThat(testid("detail-link").getAttribute("href")).endsWith("/workorders/" + workOrder);
        await().until(() -> column("read_at", live) != null);

        testid("acknowledge").click();
        wait.until(d -> testid("detail-acknowledged").isDisplayed());
        assertThat(testid("acknowledge").isDisplayed()).isFalse();
        await().until(() -> column("acknowledged_at", live) != null);
        wait.until(d -> testid("unread-count").getText().equals(Long.toString(unread())));
    }

    /** Logged in, and the inbox answered: its items (or that there are none), or the error state. */
    private void awaitInbox() {
        wait.until(d -> List.of("ready", "error").contains(appData("state")));
        boolean loaded = "ready".equals(appData("state"));
        assertThat(testid("load-error").isDisplayed()).isEqualTo(!loaded);
        if (loaded) {
            assertThat(testid("empty").isDisplayed()).isEqualTo(titles().isEmpty());
        }
        assertThat(testid("logout").isDisplayed()).isTrue();
    }

    private UUID append(String title, String priority, boolean critical) throws Throwable {
        UUID workOrder = UUID.randomUUID();
        InboxEntry entry = new InboxEntry(UUID.randomUUID(), "workorder.created", workOrder,
                TestIdentityProvider.BRANCH, title, "Call the customer back about " + title, priority, critical,
                "https://console.windbell.example/workorders/" + workOrder);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.append(employee, entry)));
        return workOrder;
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("[data-testid=inbox-item] [data-testid=item-title]")).stream()
                .map(WebElement::getText).toList();
    }

    private long unread() {
        return (Long) sql("select count(*) from inbox_item where employee_id = ? and read_at is null", employee);
    }

    private Object column(String column, String title) {
        return sql("select " + column + " from inbox_item where employee_id = ? and title = ?", employee, title);
    }

    /** The first column of the first row. */
    private Object sql(String query, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(query).isTrue();
                return rs.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int stat(String name) {
        return given().get(URI.create(issuer).resolve("/stats")).then().statusCode(200).extract().path(name);
    }

    /**
     * A {@code data-*} value of the page's main element, read in one script run: the page reloads itself after a login
     * that asked for a language, and an element found in the old document would be gone.
     */
    private static Object appData(String name) {
        return js("var app = document.getElementById('app'); return app ? app.dataset." + name + " : null");
    }

    private static WebElement testid(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
