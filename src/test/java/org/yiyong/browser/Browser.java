package org.yiyong.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser. Browser tests are skipped,
 * saying so, when Chromium is not installed — unless {@code YIYONG_REQUIRE_BROWSER=true} (CI), where
 * a missing browser fails them.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("YIYONG_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "Browser test skipped: no Chromium at " + chromium
                    + " (apt-get install chromium fonts-noto-cjk, or set YIYONG_CHROMIUM)";
            if ("true".equalsIgnoreCase(System.getenv("YIYONG_REQUIRE_BROWSER"))) {
                Assertions.fail(message + " — but YIYONG_REQUIRE_BROWSER=true");
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        return new Browser(playwright, browser);
    }

    /** A fresh browser profile, as a phone or a desktop. */
    BrowserContext newContext(boolean phone) {
        NewContextOptions options = new NewContextOptions().setLocale("zh-CN");
        if (phone) {
            options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
        } else {
            options.setViewportSize(1280, 900);
        }
        return browser.newContext(options);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
