package com.superkabe.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.kit.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in a real browser (Debian's chromium) against the six services on the real
 * broker and PostgreSQL: an operator signs in with the organization's key, finds the paused
 * mailbox, reads its story, forces it back with a reason past the warning, pauses a lead and a
 * campaign. Each page's screenshot is saved under target/console-reports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MAILBOX = "sales@demo.test";

    private static GreenMail mail;
    private static Platform platform;
    private static Browser browser;
    private static String key;
    private static String mailboxId;
    private static String campaignId;
    private static String leadId;
    private static String otherMailboxId;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, "pw");
        platform = new Platform();
        seed();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    /** An organization, its mailbox, a two-step campaign and a lead with its first send; then the mailbox pauses. */
    private static void seed() {
        TestHttp ingestion = platform.http(platform.ingestion);
        key = ingestion.post("/admin/v1/organizations", "{\"name\":\"Console Org\"}", "X-Admin-Token",
                Platform.ADMIN_TOKEN).json().get("apiKey").asString();
        TestHttp.Response address = TestHttp.until(() -> ingestion.put("/api/v1/organization/mailing-address",
                TestHttp.json(Map.of("mailingAddress", "Console Org, 1 Main St, Springfield, IL 62701")),
                "X-Api-Key", key), x -> x.status() != 401, WAIT);
        assertThat(address.status()).as(address.body()).isEqualTo(200);
        mailboxId = created(platform.http(platform.sendAdapter), "/api/v1/mailboxes", Map.of("address", MAILBOX,
                "provider", "SMTP", "dailyLimit", 50, "smtp", endpoint(mail.getSmtp().getPort()),
                "imap", endpoint(mail.getImap().getPort()))).get("mailboxId").asString();
        campaignId = created(platform.http(platform.sequencer), "/api/v1/campaigns", Map.of("name", "Console launch",
                "status", "ACTIVE", "mailboxIds", List.of(mailboxId), "steps", List.of(
                        Map.of("subject", "Hello {{firstName}}", "body", "Hi {{firstName}}", "delayTicks", 0),
                        Map.of("subject", "Following up", "body", "Bumping this", "delayTicks", 100000))))
                .get("campaignId").asString();
        leadId = created(ingestion, "/api/v1/leads", Map.of("email", "ada@" + Platform.PROSPECTS_DOMAIN,
                "firstName", "Ada", "lastName", "Lovelace", "company", "Analytical Engines", "campaignId", campaignId))
                .get("leadId").asString();
        TestHttp sequencer = platform.http(platform.sequencer);
        TestHttp.Response waiting = TestHttp.until(() -> sequencer.get("/api/v1/campaigns/" + campaignId + "/runs",
                "X-Api-Key", key), r -> r.status() == 200 && r.body().contains("\"WAITING\""), WAIT);
        assertThat(waiting.body()).as("the lead's first step was sent").contains("\"WAITING\"");
        TestHttp protection = platform.http(platform.protection);
        TestHttp.until(() -> protection.get("/api/v1/protection/mailboxes/" + mailboxId, "X-Api-Key", key),
                r -> r.status() == 200 && r.json().path("registered").asBoolean(), WAIT);
        TestHttp.Response paused = protection.post("/api/v1/protection/mailboxes/" + mailboxId + "/transitions",
                TestHttp.json(Map.of("target", "paused", "reason", "Bounce spike reported by the ESP")),
                "X-Api-Key", key);
        assertThat(paused.status()).as(paused.body()).isEqualTo(201);
        otherMailboxId = anotherOrganizationsMailbox(protection);
    }

    /** Another organization's mailbox, known to protection, that this organization's session must not see. */
    private static String anotherOrganizationsMailbox(TestHttp protection) {
        String otherKey = platform.http(platform.ingestion).post("/admin/v1/organizations", "{\"name\":\"Other Org\"}",
                "X-Admin-Token", Platform.ADMIN_TOKEN).json().get("apiKey").asString();
        TestHttp.Response r = TestHttp.until(() -> platform.http(platform.sendAdapter).post("/api/v1/mailboxes",
                TestHttp.json(Map.of("address", "ops@other.test", "provider", "SMTP", "dailyLimit", 50,
                        "smtp", endpoint(mail.getSmtp().getPort()))), "X-Api-Key", otherKey),
                x -> x.status() != 401, WAIT);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("mailboxId").asString();
        TestHttp.until(() -> protection.get("/api/v1/protection/mailboxes/" + id, "X-Api-Key", otherKey),
                x -> x.status() == 200 && x.json().path("registered").asBoolean(), WAIT);
        return id;
    }

    @Test
    @Order(1)
    void aWrongKeyIsRefusedWithAClearMessageAndNoServerError() throws Exception {
        browser.driver.get(platform.consoleUrl() + "/mailboxes");
        assertThat(browser.driver.getCurrentUrl()).as("an unsigned visitor is sent to the sign-in")
                .endsWith("/console/login");
        browser.driver.findElement(By.id("apiKey")).sendKeys("sk_not-a-real-key");
        browser.driver.findElement(By.id("sign-in")).click();
        assertThat(browser.driver.findElement(By.id("error")).getText()).contains("not accepted");
        assertThat(browser.driver.getPageSource()).doesNotContain("sk_not-a-real-key");
        browser.discardConsoleMessages(); // the refused sign-in answers 400 on purpose
        browser.driver.findElement(By.id("sign-in")).click();
        assertThat(browser.driver.findElement(By.id("error")).getText())
                .isEqualTo("Enter your organization's API key.");
        browser.discardConsoleMessages();
    }

    @Test
    @Order(2)
    void anOperatorSignsInAndFindsThePausedMailboxWithTheReasonOfItsLastTransition() throws Exception {
        TestHttp.until(() -> platform.http(platform.protection).get("/api/v1/protection/mode", "X-Api-Key", key),
                r -> r.status() == 200, WAIT);
        browser.driver.get(platform.consoleUrl() + "/login");
        browser.driver.findElement(By.id("apiKey")).sendKeys(key);
        browser.driver.findElement(By.id("sign-in")).click();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/mailboxes");
        assertNoKeyOnPage();
        Cookie session = browser.driver.manage().getCookieNamed("SUPERKABE_CONSOLE");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/console");
        assertThat(browser.driver.findElement(By.cssSelector("#counts [data-state=paused] b")).getText())
                .isEqualTo("1");
        assertThat(browser.driver.findElement(By.id("mailbox-table")).getText()).contains(MAILBOX)
                .doesNotContain("ops@other.test");

        new Select(browser.driver.findElement(By.id("state"))).selectByValue("paused");
        WebElement row = new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector("#mailbox-table tbody tr")).size() == 1 && d.getCurrentUrl().contains("state=paused")
                ? d.findElement(By.cssSelector("#mailbox-table tbody tr")) : null);
        assertThat(row.getText()).contains(MAILBOX).contains("paused").contains("SMTP")
                .contains("Bounce spike reported by the ESP");
        assertThat(browser.driver.findElement(By.id("domain-table")).getText()).contains("demo.test");
        browser.collectConsoleErrors();
        browser.screenshot("mailboxes");
    }

    @Test
    @Order(3)
    void theMailboxPageTellsItsStoryTimelineBounceWindowCooldownAndLimits() throws Exception {
        browser.driver.findElement(By.linkText(MAILBOX)).click();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/mailboxes/" + mailboxId);
        assertThat(browser.driver.findElement(By.id("mailbox-state")).getText()).isEqualTo("paused");
        List<WebElement> timeline = browser.driver.findElements(By.cssSelector("#timeline tbody tr"));
        assertThat(timeline).hasSizeGreaterThanOrEqualTo(2);
        assertThat(timeline.getFirst().getText()).contains("→ paused").contains("operator")
                .contains("Bounce spike reported by the ESP").contains("apikey:");
        assertThat(timeline.getLast().getText()).contains("registered");
        assertThat(browser.driver.findElement(By.id("bounce-chart")).getAttribute("aria-label"))
                .contains("bounces in the last");
        assertThat(browser.driver.findElement(By.id("graduation")).getText()).contains("Cooldown (until tick")
                .contains("Moves to quarantine");
        assertThat(browser.driver.findElement(By.id("caps")).getText()).contains("Daily limit").contains("50 sends");
        assertNoKeyOnPage();
        browser.collectConsoleErrors();
        browser.screenshot("mailbox");
    }

    @Test
    @Order(4)
    void anotherOrganizationsMailboxDoesNotExistForThisSession() {
        browser.driver.get(platform.consoleUrl() + "/mailboxes/" + otherMailboxId);

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.driver.getPageSource()).doesNotContain("ops@other.test");
        browser.discardConsoleMessages(); // the 404 is the answer expected
        browser.driver.get(platform.consoleUrl() + "/mailboxes/" + mailboxId);
    }

    @Test
    @Order(5)
    void forcingAMoveThatSkipsSafetyChecksNamesEachCheckAndIsAuditedOnlyOnceConfirmed() throws Exception {
        new Select(browser.driver.findElement(By.id("target"))).selectByValue("healthy");
        browser.driver.findElement(By.id("reason")).sendKeys("ESP confirmed the spike was their outage");
        browser.driver.findElement(By.id("request-transition")).click();

        String warning = browser.driver.findElement(By.id("force-warning")).getText();
        assertThat(warning).contains("paused → healthy bypasses these safety checks")
                .contains("paused -> healthy is not a valid transition");
        assertThat(stateViaApi()).as("nothing is sent with force before the confirmation").isEqualTo("paused");
        browser.collectConsoleErrors();
        browser.screenshot("mailbox-force-warning");

        browser.driver.findElement(By.id("confirm-force")).click();
        assertThat(browser.driver.findElement(By.id("mailbox-state")).getText()).isEqualTo("healthy");
        assertThat(browser.driver.findElement(By.id("applied")).getText()).contains("paused").contains("healthy")
                .contains("forced").contains("Forced transition skipped safety checks");
        String audit = browser.driver.findElements(By.cssSelector("#timeline tbody tr")).getFirst().getText();
        assertThat(audit).contains("paused → healthy").contains("forced")
                .contains("ESP confirmed the spike was their outage").contains("operator");
        assertThat(stateViaApi()).isEqualTo("healthy");
        browser.collectConsoleErrors();
        browser.screenshot("mailbox-forced");
    }

    @Test
    @Order(6)
    void aFormSentWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        new Select(browser.driver.findElement(By.id("target"))).selectByValue("paused");
        browser.driver.findElement(By.id("reason")).sendKeys("should never be applied");
        browser.driver.executeScript("document.querySelector('#transition-form input[name=_csrf]').remove()");
        browser.driver.findElement(By.id("request-transition")).click();
        assertThat(browser.driver.findElement(By.id("problem")).getText()).contains("security token")
                .contains("Nothing was changed");
        browser.discardConsoleMessages(); // the refusal is a 403 on purpose
        assertThat(stateViaApi()).isEqualTo("healthy");

        // and outside the browser: a cross-site POST with the session cookie but no token
        String cookie = browser.driver.manage().getCookieNamed("SUPERKABE_CONSOLE").getValue();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.consoleUrl() + "/mailboxes/" + mailboxId + "/transitions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SUPERKABE_CONSOLE=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString("target=paused&reason=csrf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(stateViaApi()).isEqualTo("healthy");
    }

    @Test
    @Order(7)
    void anOperatorPausesALeadAndItsRunPauses() throws Exception {
        browser.driver.get(platform.consoleUrl() + "/leads/" + leadId);
        assertThat(browser.driver.findElement(By.id("gate-decisions")).getText()).contains("Campaign active?");
        assertThat(browser.driver.findElement(By.id("lead-runs")).getText()).contains("WAITING").contains(campaignId);
        browser.collectConsoleErrors();
        browser.driver.findElement(By.id("lead-reason")).sendKeys("Asked us to wait until next quarter");
        browser.driver.findElement(By.id("pause-lead")).click();
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("Pause requested");
        TestHttp.Response runs = TestHttp.until(() -> platform.http(platform.sequencer).get("/api/v1/campaigns/"
                + campaignId + "/runs", "X-Api-Key", key), r -> r.body().contains("\"PAUSED\""), WAIT);
        assertThat(runs.body()).contains("\"PAUSED\"");
        browser.driver.navigate().refresh();
        assertThat(browser.driver.findElement(By.id("lead-runs")).getText()).contains("PAUSED");
        assertNoKeyOnPage();
        browser.collectConsoleErrors();
        browser.screenshot("lead");
    }

    @Test
    @Order(8)
    void anOperatorPausesTheCampaignFromItsPage() throws Exception {
        browser.driver.get(platform.consoleUrl() + "/campaigns/" + campaignId);
        assertThat(browser.driver.findElement(By.id("runs-by-status")).getText()).contains("PAUSED");
        assertThat(browser.driver.findElement(By.id("figures")).getText()).contains("1\nsends");
        browser.driver.findElement(By.id("reason")).sendKeys("Holiday freeze");
        browser.driver.findElement(By.id("pause-campaign")).click();
        assertThat(browser.driver.findElement(By.id("notice")).getText()).isEqualTo("Campaign paused.");
        assertThat(browser.driver.findElement(By.id("campaign-status")).getText()).isEqualTo("PAUSED");
        browser.collectConsoleErrors();
        browser.screenshot("campaign");
    }

    @Test
    @Order(9)
    void signingOutEndsTheSession() {
        browser.driver.findElement(By.id("sign-out")).click();
        assertThat(browser.driver.findElement(By.id("notice")).getText()).isEqualTo("You are signed out.");
        browser.driver.get(platform.consoleUrl() + "/mailboxes/" + mailboxId);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
        browser.collectConsoleErrors();
    }

    @Test
    @Order(10)
    void noPageLoggedABrowserConsoleError() {
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors).isEmpty();
    }

    private static void assertNoKeyOnPage() {
        assertThat(browser.driver.getPageSource()).doesNotContain(key);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(key);
    }

    private static String stateViaApi() {
        return platform.http(platform.protection).get("/api/v1/protection/mailboxes/" + mailboxId, "X-Api-Key", key).json()
                .get("state").asString();
    }

    private static Map<String, Object> endpoint(int port) {
        return Map.of("host", "127.0.0.1", "port", port, "security", "NONE", "username", MAILBOX, "password", "pw");
    }

    private static JsonNode created(TestHttp http, String path, Map<String, Object> body) {
        TestHttp.Response r = TestHttp.until(() -> http.post(path, TestHttp.json(body), "X-Api-Key", key),
                x -> x.status() != 401 && x.status() != 409, WAIT);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(201);
        return r.json();
    }
}
