package io.windbell.notification.page;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver, emulating a phone set to Chinese (390x844 CSS pixels,
 * touch). {@code tools/bin/ensure-chromium.sh} installs both; Selenium Manager is never asked to download.
 */
final class PhoneBrowser {

    static final int WIDTH = 390;

    private PhoneBrowser() {
    }

    static ChromeDriver start() {
        Path chromium = executable("chromium");
        Path driver = executable("chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", WIDTH, "height", 844, "pixelRatio", 3.0, "touch", true), "userAgent",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile"));
        ChromeDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build(),
                options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** {@code -Dwindbell.<name>=path}, else the first on PATH, else {@code /usr/bin}; fails with the remedy. */
    private static Path executable(String name) {
        Optional<Path> found = Optional.ofNullable(System.getProperty("windbell." + name)).map(Path::of)
                .or(() -> Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(dir -> Path.of(dir.isEmpty() ? "." : dir, name)).filter(Files::isExecutable).findFirst());
        Path path = found.orElse(Path.of("/usr/bin", name));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The inbox page's browser test needs " + name
                    + ": run tools/bin/ensure-chromium.sh (Debian packages chromium and chromium-driver)");
        }
        return path;
    }
}
