package cn.gov.shanwei.xinyixing.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.gov.shanwei.xinyixing.access.LoginPage;
import cn.gov.shanwei.xinyixing.access.StaffHomePage;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.BatchSignature;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.system.Browser;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What operators and integrators rely on: health that tells the truth, HTTPS and the browser-side
 * protections, the OpenAPI document, coded errors, the database driver's handling of times, and a
 * red-list pull that one instance does at a time.
 */
public abstract class OperationsChecks {

    @Test
    void readinessWasDownBeforeTheApplicationWasDeployed() {
        // Payara answers 404 (no health endpoint yet) or 503 "No Application deployed"; never 200
        String before = RunningSystem.readinessBeforeDeployment();
        assertTrue(before.startsWith("404 ") || before.startsWith("503 "), before);
        assertFalse(before.contains("\"database\""), before);
    }

    @Test
    void readinessListsTheApplicationsOwnChecksAndPartnerAddressesAreAccepted() throws Exception {
        HttpResponse<String> response = Http.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> status = Http.json(response).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
        assertEquals(Map.of("database", "UP", "annual-settlement-timer", "UP", "annual-settlement-due", "UP",
                "partner-addresses", "UP"), status);
    }

    @Test
    void plainHttpOnlyRedirectsToTheSameAddressOverHttps() throws Exception {
        for (String path : new String[] {"/staff/index.xhtml?lang=zh", "/api/v1/system", "/health/ready"}) {
            HttpResponse<String> response = Http.getAbsolute(RunningSystem.plainHttpUrl() + path);
            assertTrue(response.statusCode() == 301 || response.statusCode() == 302 || response.statusCode() == 307
                    || response.statusCode() == 308, path + " answered " + response.statusCode());
            assertEquals(RunningSystem.baseUrl() + path, response.headers().firstValue("Location").orElse(""), path);
            assertFalse(response.body().contains("信易行"), response.body());
        }
    }

    @Test
    void pagesAndApisCarryTheBrowserProtectionsAndNameNoServer() throws Exception {
        for (String path : new String[] {"/login.xhtml", "/api/v1/system", "/api/v1/no-such-thing"}) {
            HttpResponse<String> response = Http.get(path);
            var headers = response.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""), path);
            assertTrue(headers.firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="), path);
            assertTrue(headers.firstValue("X-Powered-By").isEmpty(), path + ": " + headers.map());
            assertTrue(headers.firstValue("Server").isEmpty(), path + ": " + headers.map());
        }
    }

    @Test
    void sessionCookieIsSecureHttpOnlyAndStrictlySameSite() throws Exception {
        String setCookie = Http.get("/login.xhtml").headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(setCookie.contains("; Secure"), setCookie);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("; samesite=strict"), setCookie);

        // A real browser keeps it with those flags, and the pages still work under the policy
        ChromeDriver browser = Browser.open("zh-CN");
        try {
            StaffHomePage home = LoginPage.open(browser).signInAs("bureau", "Xyx-demo-2026");
            assertTrue(home.roles().contains("BUREAU_STAFF"), home.roles().toString());
            assertTrue(browser.getCurrentUrl().startsWith(RunningSystem.baseUrl()), browser.getCurrentUrl());
            Cookie session = browser.manage().getCookieNamed("JSESSIONID");
            assertNotNull(session, browser.manage().getCookies().toString());
            assertTrue(session.isSecure());
            assertTrue(session.isHttpOnly());
            assertTrue("Strict".equalsIgnoreCase(session.getSameSite()), session.getSameSite());
        } finally {
            browser.quit();
        }
    }

    @Test
    void timesRoundTripThroughTheDriverToTheMillisecond() throws Exception {
        Instant issuedAt = Instant.parse("2026-11-26T08:00:00.123Z");
        BatchMessage batch = BatchSignature.signed(new BatchMessage("T-TIME-" + UUID.randomUUID(), PlatformClient.nextSequence(),
                issuedAt, List.of(PlatformClient.add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null)), null),
                RunningSystem.platformSigningKey());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> pushed = PlatformClient.pushRest(batch);
        Instant after = Instant.now();
        assertEquals(200, pushed.statusCode(), pushed.body());

        // DATETIME(3) holds Shanwei's wall-clock time, whatever the zones of the hosts: to the millisecond where
        // MySQL Connector/J sends fractions (MySQL 8), to the second where it does not
        // (MariaDB 10 greets as 5.5.5-10…, and the driver then drops the milliseconds)
        ZoneId shanwei = ZoneId.of("Asia/Shanghai");
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement query = db.prepareStatement("SELECT issued_at, received_at FROM redlist_batch WHERE batch_id = ?")) {
            LocalDateTime expected = LocalDateTime.ofInstant(issuedAt, shanwei);
            if (!driverSendsFractionalSeconds()) {
                expected = expected.truncatedTo(ChronoUnit.SECONDS);
            }
            query.setString(1, batch.batchId());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(expected, row.getObject(1, LocalDateTime.class));
                Instant received = row.getObject(2, LocalDateTime.class).atZone(shanwei).toInstant();
                assertFalse(received.isBefore(before.minusSeconds(2)) || received.isAfter(after.plusSeconds(2)),
                        received + " not between " + before + " and " + after);
            }
        }
        // Read back by the system: the identical batch is recognised as the one applied
        assertEquals("ALREADY_APPLIED", Http.json(PlatformClient.pushRest(batch)).getString("outcome"));
    }

    @Test
    void theRedListPullIsLeasedToThisInstanceAndRenewed() throws Exception {
        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement()) {
            String firstHolder = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                try (ResultSet lease = statement.executeQuery(
                        "SELECT holder, lease_until > NOW(3) FROM redlist_pull_lease WHERE name = 'redlist-pull'")) {
                    assertTrue(lease.next(), "no lease taken: the pull timer does not go through it");
                    assertTrue(lease.getString(1).startsWith("server/"), lease.getString(1));
                    assertTrue(lease.getBoolean(2), "the lease has run out although the timer fires every 2 s");
                    if (firstHolder != null) {
                        assertEquals(firstHolder, lease.getString(1), "a single instance keeps its lease");
                    }
                    firstHolder = lease.getString(1);
                }
                Thread.sleep(3_500);
            }
        }
    }

    @Test
    void readinessReportsDatabaseAndAPersistentSettlementTimerInJanuary() throws Exception {
        HttpResponse<String> response = Http.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> checks = Http.json(response).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), Function.identity()));

        assertEquals("UP", checks.get("database").getString("status"));
        JsonObject timer = checks.get("annual-settlement-timer");
        assertEquals("UP", timer.getString("status"));
        ZonedDateTime next = Instant.parse(timer.getJsonObject("data").getString("nextRun"))
                .atZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(Month.JANUARY, next.getMonth());
        assertEquals(2, next.getDayOfMonth());
        assertEquals(2, next.getHour());
        assertEquals("true", timer.getJsonObject("data").get("persistent").toString().replace("\"", ""), timer.toString());

        // The server keeps it in the application's database, where it outlives a restart
        try (java.sql.Connection db = RunningSystem.openDatabase(); java.sql.Statement query = db.createStatement();
             java.sql.ResultSet rows = query.executeQuery(
                     "SELECT COUNT(*) FROM EJB__TIMER__TBL WHERE SCHEDULE LIKE '%onSchedule%' AND SCHEDULE LIKE '%Asia/Shanghai%'")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 1, "the January timer is a row of the timer table");
        }
        // Nothing is overdue now; the next year falls due when its timer should fire
        JsonObject due = checks.get("annual-settlement-due");
        assertEquals("UP", due.getString("status"), due.toString());
        ZonedDateTime nextDue = Instant.parse(due.getJsonObject("data").getString("nextDue")).atZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(next.toLocalDateTime(), nextDue.toLocalDateTime());
    }

    @Test
    void openApiDocumentDescribesTheJsonApis() throws Exception {
        HttpResponse<String> response = Http.get("/openapi");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/system:"), response.body());
        assertTrue(response.body().contains("信易行 Xinyixing API"));
    }

    @Test
    void systemInfoNamesTheNewestMigration() throws Exception {
        HttpResponse<String> response = Http.get("/api/v1/system");
        assertEquals(200, response.statusCode());
        assertEquals(newestMigrationVersion(), Http.json(response).getString("schemaVersion"));
    }

    @Test
    void unknownApiPathGetsACodedJsonErrorWithoutInternals() throws Exception {
        HttpResponse<String> response = Http.get("/api/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        JsonObject error = Http.json(response);
        assertEquals("HTTP_404", error.getString("code"));
        assertFalse(error.getString("message").isBlank());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    /**
     * What MySQL Connector/J decides from the version in the server's greeting: fractions of a second
     * only from 5.6.4 on. Read from the greeting itself, as the driver does (MariaDB 10 greets as 5.5.5-10…).
     */
    private static boolean driverSendsFractionalSeconds() throws IOException {
        InetSocketAddress database = RunningSystem.databaseAddress();
        try (Socket socket = new Socket(database.getHostString(), database.getPort())) {
            socket.setSoTimeout(5_000);
            var in = socket.getInputStream();
            in.readNBytes(5); // packet header (4 bytes) and protocol version
            StringBuilder version = new StringBuilder();
            for (int b = in.read(); b > 0; b = in.read()) {
                version.append((char) b);
            }
            String[] parts = version.toString().split("[.-]");
            int[] number = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2].replaceAll("\\D.*", ""))};
            return number[0] > 5 || (number[0] == 5 && (number[1] > 6 || (number[1] == 6 && number[2] >= 4)));
        }
    }

    /** V2026_11_26_04__settlement_runs.sql → 2026.11.26.04, as Flyway reports it. */
    private static String newestMigrationVersion() throws IOException {
        Path sql = Path.of(System.getProperty("project.root"), "sql");
        try (Stream<Path> files = Files.list(sql)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[\\d_]+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
    }
}
