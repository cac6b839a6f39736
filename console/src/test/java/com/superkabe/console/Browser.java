package com.superkabe.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (never a downloaded browser).
 * Without them the browser tests are skipped, unless {@code SUPERKABE_REQUIRE_BROWSER=true} (CI),
 * where that fails. Every page's browser console errors are collected for one final check.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final List<String> consoleErrors = new ArrayList<>();
    private final Path reports;

    private Browser(ChromeDriver driver, Path reports) {
        this.driver = driver;
        this.reports = reports;
    }

    static Browser start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("SUPERKABE_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("SUPERKABE_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed; the browser tests are skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1800", "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Path reports = Path.of(System.getProperty("superkabe.console.reports", "target/console-reports"));
        Files.createDirectories(reports);
        return new Browser(driver, reports);
    }

    /** Reads the console messages logged since the last call; keeps the errors (SEVERE), naming the page. */
    void collectConsoleErrors() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(driver.getCurrentUrl() + ": " + e.getMessage());
            }
        }
    }

    /** Drops the console messages of a response that is refused on purpose (a 400 or 403 is logged as one). */
    void discardConsoleMessages() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    Path screenshot(String name) throws Exception {
        Path file = reports.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
