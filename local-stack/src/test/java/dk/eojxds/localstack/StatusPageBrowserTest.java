package dk.eojxds.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.eojxds.devstack.gateway.SyntheticCitizens;
import dk.eojxds.model.Organisation;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The status page in a real browser (Debian's headless Chromium, driven through chromedriver)
 * against the whole local stack with the gateway simulator's data flowing: what the page shows is
 * checked against the database, the page is walked by keyboard and on a phone-sized screen, the
 * browser must log no error (a script error or a refused resource shows there), and screenshots
 * are kept under {@code target/}. The operator's token travels as a header the browser adds to
 * every request, as an operator's proxy in front of the page would.
 *
 * <p>Skipped when Chromium is not installed, unless {@code EOJXDS_BROWSER_TESTS=required} (which
 * {@code .ci/run} sets after installing it).
 */
class StatusPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static LocalStack stack;
    private static DatabaseCoordinates db;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("EOJXDS_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed");
        db = PostgresServer.forTests().createDatabase("statuspage");
        stack = LocalStack.start(db, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.citizens=20", "eojxds.simulator.interval=PT0.5S"),
                "ingest-service", List.of("eojxds.fkg.poll-interval=PT0.3S"),
                "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S"),
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S")));
        stack.loadReferenceData();
        base = "http://localhost:" + stack.ports().repository();
        await().atMost(Duration.ofMinutes(2)).until(() -> count(
                "SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'") > 0);
        syntheticLookups();
        browser = chromium(stack.operatorToken());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static ChromeDriver chromium(String token) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine has no network beyond loopback: Chromium's own background calls are switched off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=da-DK");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + token)));
        return driver;
    }

    // look-ups this month: three requests for Copenhagen's data, one by a citizen reading their own
    private static void syntheticLookups() throws SQLException {
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO repository.retrieve_audit (request_id, outcome, caller_verified, user_organisation_sor, user_type,
                    document_unique_id, family, citizen_cpr, data_municipality_sor)
                VALUES (gen_random_uuid(), 'RETRIEVED', true, '999', ?, 'doc', 'TELMA', '0101501234', ?)""")) {
            for (String userType : new String[] {"nsi:HealthcareProfessional", "nsi:HealthcareProfessional", "nsi:Citizen"}) {
                insert.setString(1, userType);
                insert.setString(2, SyntheticCitizens.MUNICIPALITIES.get(0).sor().value());
                insert.executeUpdate();
            }
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void open(String path) {
        browser.get(base + path);
        assertThat(browser.getTitle()).contains("EOJ-XDS driftsstatus");
    }

    private static void noBrowserErrors(String page) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("the browser's console on " + page).isEmpty();
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static long cell(WebElement row, String css) {
        return Long.parseLong(row.findElement(By.cssSelector(css)).getText().trim());
    }

    @Test
    void municipalitiesAsTheDatabaseHasThem() throws Exception {
        String sql = "SELECT count(*) FROM ingest.resource WHERE municipality_sor = ? AND family = ? "
                + "AND received_at >= now() - interval '7 days'";
        Organisation copenhagen = SyntheticCitizens.MUNICIPALITIES.get(0);
        long before = count(sql, copenhagen.sor().value(), "TELMA");
        open("/status");
        long after = count(sql, copenhagen.sor().value(), "TELMA");
        noBrowserErrors("/status");
        screenshot("status-municipalities");

        assertThat(browser.findElement(By.id("known")).getText()).isEqualTo("98");
        WebElement row = browser.findElement(By.cssSelector(
                "#municipalities tr[data-sor='" + copenhagen.sor().value() + "'][data-family='TELMA']"));
        // the simulator keeps sending: the page's figure lies between the counts just before and after it
        assertThat(cell(row, ".resources-week")).isPositive().isBetween(before, after);
        long delivering = Long.parseLong(browser.findElement(By.id("delivering")).getText());
        assertThat(delivering).isEqualTo(SyntheticCitizens.MUNICIPALITIES.size());
        // the 93 municipalities the simulator does not serve are silent
        assertThat(browser.findElement(By.id("silent-count")).getText()).isEqualTo("93");

        // by keyboard: the first Tab reaches the skip link, which leads to the content
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Spring til indhold");
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#indhold");
        // the family filter is a plain form
        browser.findElement(By.cssSelector("#familie option[value='KPRO']")).click();
        browser.findElement(By.cssSelector("form.filters button")).click();
        assertThat(browser.findElements(By.cssSelector("#municipalities tbody tr")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-family")).isEqualTo("KPRO"));
        noBrowserErrors("/status?familie=KPRO");
    }

    /** The alert on a silent municipality reads the same figures from the metrics. */
    @Test
    void silenceOfEachMunicipalityIsAGauge() {
        HttpClient http = HttpClient.newHttpClient();
        String url = "http://localhost:" + LocalStack.managementPort(stack.repository()) + "/actuator/prometheus";
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + stack.operatorToken()).build(), HttpResponse.BodyHandlers.ofString()).body();
            // refreshed every few minutes, the first time half a minute after start
            assertThat(metrics.lines()
                    .filter(l -> l.startsWith("eojxds_status_municipality_silence_seconds{code=\"101\"")).findFirst())
                    .hasValueSatisfying(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                            .isLessThan(3600));
        });
    }

    @Test
    void pipelineAndProgrammeAsTheDatabaseHasThem() throws Exception {
        open("/status/pipeline");
        noBrowserErrors("/status/pipeline");
        screenshot("status-pipeline");
        assertThat(browser.findElements(By.cssSelector("#feed-table tbody tr"))).hasSize((int) count(
                "SELECT count(*) FROM ingest.feed_cursor"));
        assertThat(Long.parseLong(browser.findElement(By.id("audit-rows")).getText()))
                .isEqualTo(count("SELECT count(*) FROM repository.retrieve_audit WHERE at >= now() - interval '1 day'"));

        browser.findElement(By.linkText("Programmet")).click();
        noBrowserErrors("/status/programme");
        screenshot("status-programme");
        String month = browser.findElement(By.cssSelector("#months tbody tr:last-child")).getAttribute("data-month");
        WebElement thisMonth = browser.findElement(By.cssSelector("#months tr[data-month='" + month + "']"));
        assertThat(cell(thisMonth, ".lookups")).isEqualTo(count(
                "SELECT count(DISTINCT request_id) FROM repository.retrieve_audit WHERE outcome = 'RETRIEVED' "
                        + "AND to_char(at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') = ?", month));
        assertThat(cell(thisMonth, ".citizens")).isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).hasSize(2 * 12);
    }

    @Test
    void readableOnAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String path : new String[] {"/status", "/status/pipeline", "/status/programme"}) {
                open(path);
                // wide tables scroll inside their own box; the page itself never scrolls sideways
                Object overflow = browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).longValue()).as(path).isLessThanOrEqualTo(0);
                noBrowserErrors(path);
            }
            screenshot("status-programme-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }
}
