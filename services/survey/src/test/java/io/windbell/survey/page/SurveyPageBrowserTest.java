package io.windbell.survey.page;

import static io.windbell.survey.support.SentInvitations.ANCHOR;
import static io.windbell.survey.support.SentInvitations.RISK;
import static io.windbell.survey.support.SentInvitations.WHAT_WENT_WRONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.survey.support.SentInvitations;
import io.windbell.survey.support.SentInvitations.Sent;
import io.windbell.survey.support.SurveyTestResource;

/**
 * The hosted page in a real headless Chromium at a phone's viewport: the detractor branch appears with a low score,
 * drafts survive a reload, and the server's own checks show when the browser's are bypassed.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} ({@code tools/bin/ensure-chromium.sh} installs them);
 * Selenium Manager is never asked to download anything.
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class SurveyPageBrowserTest {

    static final Path CHROMIUM = locate("chromium");
    static final Path CHROMEDRIVER = locate("chromedriver");

    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    SentInvitations invitations;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run tools/bin/ensure-chromium.sh (Debian packages chromium and chromium-driver)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // a phone set to Chinese: pages for links that name no invitation follow Accept-Language
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // a phone: 390x844 CSS pixels, touch, a mobile user agent
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
                        "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/130.0 Mobile Safari/537.36"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** {@code -Dwindbell.<name>=path}, else the first on PATH, else Debian's place. */
    private static Path locate(String name) {
        String configured = System.getProperty("windbell." + name);
        if (configured != null) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin", name);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void fixtures() {
        invitations = new SentInvitations(dataSource);
        browser.manage().deleteAllCookies();
    }

    @Test
    void aDetractorSeesTheWhatWentWrongQuestionAnswersItAndIsThanked() {
        Sent sent = invitations.invitation().insert();
        open(sent, "");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(390);
        // nothing overflows the phone's width
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        WebElement whatWentWrong = browser.findElement(By.id("q2"));
        assertThat(whatWentWrong.isDisplayed()).isFalse();

        label("q0-9").click();
        assertThat(whatWentWrong.isDisplayed()).isFalse();
        label("q0-3").click();
        wait.until(ExpectedConditions.visibilityOf(whatWentWrong));
        assertThat(whatWentWrong.findElement(By.tagName("legend")).getText()).startsWith("哪些环节让您不满意？");
        label("q2-0").click();
        browser.findElement(By.id("q3-input")).sendKeys("风险测评超时了两次");
        submit();

        wait.until(ExpectedConditions.urlContains("/thanks"));
        assertThat(page()).isEqualTo("thanks");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("感谢您的反馈");
        assertThat(invitations.column("SELECT anchor_score FROM response WHERE invitation_id = ?", sent.id()))
                .isEqualTo("3");
        assertThat(invitations.column(
                "SELECT answers->1->>'questionId' || ' ' || (answers->1->'choices'->>0) || ' ' || (answers->2->>'text')"
                        + " FROM response WHERE invitation_id = ?",
                sent.id())).isEqualTo(WHAT_WENT_WRONG + " " + RISK + " 风险测评超时了两次");

        open(sent, "");
        assertThat(page()).isEqualTo("answered");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您已完成此问卷");
    }

    @Test
    void aPromoterNeverSeesNorPostsTheDetractorBranch() {
        Sent sent = invitations.invitation().insert();
        open(sent, "?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("q0-ends")).getText()).contains("Not at all likely", "Extremely likely");
        label("q0-2").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q2")));
        label("q2-1").click();
        // changes their mind: the branch closes again and its answer is not sent
        label("q0-10").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("q2")));
        submit();
        wait.until(ExpectedConditions.urlContains("/thanks"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you for your feedback");
        assertThat(invitations.column("SELECT answers::text || ' ' || locale FROM response WHERE invitation_id = ?",
                sent.id())).contains(ANCHOR).doesNotContain(WHAT_WENT_WRONG).endsWith(" en");
    }

    @Test
    void theLanguageSwitchShowsTheSurveyInEnglish() {
        Sent sent = invitations.invitation().insert();
        open(sent, "");
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.cssSelector("#q0 legend")).getText())
                .startsWith("How likely are you to recommend");
    }

    @Test
    void aDraftSurvivesAReload() {
        Sent sent = invitations.invitation().insert();
        open(sent, "");
        label("q0-5").click();
        label("q2-1").click();
        label("q1-6").click();
        wait.until(d -> "已保存".equals(d.findElement(By.id("autosave-status")).getText()) && invitations
                .column("SELECT draft->'answers'->2->'choices'->>0 FROM invitation WHERE id = ?", sent.id()) != null);

        browser.navigate().refresh();
        assertThat(input("q0-5").isSelected()).isTrue();
        assertThat(input("q1-6").isSelected()).isTrue();
        assertThat(input("q2-1").isSelected()).isTrue();
        assertThat(browser.findElement(By.id("q2")).isDisplayed()).isTrue();
        assertThat(invitations.column("SELECT status FROM invitation WHERE id = ?", sent.id())).isEqualTo("SENT");
    }

    @Test
    void withoutTheAnchorTheBrowserAndThenTheServerShowTheError() {
        Sent sent = invitations.invitation().insert();
        open(sent, "");
        label("q1-2").click();

        // the browser's own check: the required radio group keeps the form from being sent
        submit();
        assertThat((Boolean) js("return document.getElementById('q0-0').matches(':invalid')")).isTrue();
        assertThat(browser.getCurrentUrl()).doesNotContain("/thanks");
        assertThat(page()).isEqualTo("form");

        // the server's check, with the browser's switched off
        js("document.getElementById('survey').noValidate = true");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("请检查以下回答", "请回答此问题。");
        assertThat(browser.findElement(By.id("q0-error")).getText()).isEqualTo("请回答此问题。");
        assertThat(input("q0-0").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input("q0-0").getAttribute("aria-describedby")).contains("q0-error");
        // the answer given is kept
        assertThat(input("q1-2").isSelected()).isTrue();
        assertThat(js("return document.activeElement.id")).isEqualTo("error-summary");
        assertThat(invitations.column("SELECT count(*) FROM response WHERE invitation_id = ?", sent.id()))
                .isEqualTo("0");
    }

    @Test
    void anExpiredLinkShowsTheExpiryPage() {
        Sent sent = invitations.invitation().expired().insert();
        open(sent, "");
        assertThat(page()).isEqualTo("expired");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("此问卷链接已过期");
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This survey link has expired");
    }

    @Test
    void anUnknownLinkShowsTheNotFoundPage() {
        browser.get(base + "s/not-a-real-link");
        assertThat(page()).isEqualTo("not-found");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("找不到此问卷");
    }

    private void open(Sent sent, String query) {
        browser.get(base + "s/" + sent.token() + query);
        wait.until(d -> js("return document.readyState").equals("complete"));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String page() {
        return browser.findElement(By.id("main")).getAttribute("data-page");
    }

    /** The visible target of a choice (the radio itself is styled away behind its label). */
    private static WebElement label(String inputId) {
        return browser.findElement(By.cssSelector("label[for='" + inputId + "']"));
    }

    private static WebElement input(String id) {
        return browser.findElement(By.id(id));
    }

    private static void submit() {
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

}
