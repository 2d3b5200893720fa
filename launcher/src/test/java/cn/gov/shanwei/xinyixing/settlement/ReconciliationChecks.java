package cn.gov.shanwei.xinyixing.settlement;

import static cn.gov.shanwei.xinyixing.settlement.Settlement.SHANWEI;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.at;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.ride;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.settledOutcome;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.value;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.yesterday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.access.LoginPage;
import cn.gov.shanwei.xinyixing.access.Pages;
import cn.gov.shanwei.xinyixing.launcher.PaymentPlatformStub;
import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.Browser;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import cn.gov.shanwei.xinyixing.system.StaffSessions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The daily reconciliation on the real server against the stand-in platform's daily bills: real rides,
 * charged through the real collection, whose payments the platform dates by their success time; a crafted
 * bill shows every kind of difference, a bill with a wrong digest or a late one changes nothing, and
 * reconciling a day again gives the same result.
 */
public abstract class ReconciliationChecks {

    private static final String API = "/api/operator/v1/reconciliation/";

    private static PaymentPlatformStub platform() {
        return RunningSystem.paymentPlatform();
    }

    @Test
    void aCraftedBillShowsEveryKindOfDifferenceAndAPaymentAfterMidnightIsOnTheNextDaysBill() throws Exception {
        // Payments of one citizen's contract succeed at chosen times of two past days (the platform's clock
        // decides the bill's day; other checks' payments succeed today and are on no bill asked for here)
        LocalDate day = LocalDate.now(SHANWEI).minusDays(3);
        LocalDate next = day.plusDays(1);
        Rider rider = Rider.signedUp();
        String contract = platform().contractOf(rider.agreementRequestNo());
        platform().faults(contract).succeedAt(time(day, "09:00"), time(day, "10:00"), time(day, "11:00"), time(day, "12:00"),
                time(day, "23:59:59.900"), time(next, "00:10"));
        JsonObject credential = rider.credential();
        ValidatorClient bus = ValidatorClient.register("10");
        LocalDate ridden = yesterday();
        long[] trips = new long[6];
        for (int i = 0; i < trips.length; i++) {
            // One after the other, so the platform takes the success times in this order
            trips[i] = ride(rider, credential, bus, "10", 300, at(ridden, 8 + i, 0));
            assertEquals("SUBSIDISED", settledOutcome(trips[i]), "trip " + trips[i]);
        }
        String[] orders = new String[trips.length];
        for (int i = 0; i < trips.length; i++) {
            orders[i] = orderOf(trips[i]);
        }
        // The day's bill: the second left out, the third with another amount, the fourth twice, one line not ours
        String stranger = "XYXD" + System.nanoTime();
        platform().bills().crafted(day).omit(orders[1]).amount(orders[2], 151).twice(orders[3]).extra(stranger, 200, day);

        JsonObject result = reconcile(day, 200);
        JsonObject first = result.getJsonObject("day");
        assertEquals("DIFFERENCES", first.getString("status"), result.toString());
        Map<String, String> differences = kinds(result);
        assertEquals(Map.of(orders[1], "MISSING_FROM_BILL", orders[2], "AMOUNT_DIFFERS", orders[3], "DUPLICATE",
                stranger, "NO_TRIP"), differences, result.toString());
        JsonObject missing = difference(result, orders[1]);
        assertEquals(150, missing.getJsonNumber("paidFen").longValue());
        assertTrue(missing.getBoolean("inClaim"), "the ride whose money is not on the bill is in the subsidy claim");
        assertEquals(List.of(trips[1]), missing.getJsonArray("tripIds").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList());
        JsonObject amount = difference(result, orders[2]);
        assertEquals(150, amount.getJsonNumber("paidFen").longValue());
        assertEquals(151, amount.getJsonNumber("billFen").longValue());
        assertTrue(!difference(result, stranger).containsKey("paidFen") && !difference(result, stranger).getBoolean("inClaim"),
                difference(result, stranger).toString());

        // Three ways: ours (5 paid that day), the bill (5 lines, one twice, one stranger), matched (1st, 4th, 5th)
        assertEquals(5, first.getInt("paidLines"));
        assertEquals(750, first.getJsonNumber("paidFen").longValue());
        assertEquals(6, first.getInt("billLines"));
        assertEquals(150 + 151 + 150 + 150 + 150 + 200, first.getJsonNumber("billFen").longValue());
        assertEquals(3, first.getInt("matchedLines"));
        assertEquals(450, first.getJsonNumber("matchedFen").longValue());
        assertEquals(3, first.getInt("claimRides"), "the matched rides are all subsidised");
        assertEquals(450, first.getJsonNumber("claimDiscountFen").longValue(), "half of 300 fen each");
        assertEquals(4, first.getInt("differences"));

        // The payment at 00:10 is on the next day's bill, matched there, and that day balances
        JsonObject nextDay = reconcile(next, 200).getJsonObject("day");
        assertEquals("BALANCED", nextDay.getString("status"), nextDay.toString());
        assertEquals(1, nextDay.getInt("matchedLines"));
        assertEquals(150, nextDay.getJsonNumber("matchedFen").longValue());

        // Again: the same result, not twice the differences
        JsonObject again = reconcile(day, 200);
        assertEquals(differences, kinds(again));
        assertEquals(first.getInt("attempts") + 1, again.getJsonObject("day").getInt("attempts"));
        assertEquals(first.getString("billDigest"), again.getJsonObject("day").getString("billDigest"));
        assertEquals(kinds(again), kinds(read(day)), "what is stored is what was answered");
    }

    @Test
    void aBillWithAWrongDigestOrOneNotReadyChangesNothingAndIsTriedAgain() throws Exception {
        // A day before the timer's week, so only this check ever reconciles it
        LocalDate day = LocalDate.now(SHANWEI).minusDays(9);
        paidRide("6", 15, time(day, "15:30"));

        platform().bills().crafted(day).notReady(true);
        JsonObject late = reconcile(day, 200).getJsonObject("day");
        assertEquals("NOT_READY", late.getString("status"), late.toString());
        assertEquals(0, late.getInt("matchedLines"));

        platform().bills().crafted(day).notReady(false).wrongDigest(true);
        JsonObject refused = reconcile(day, 200).getJsonObject("day");
        assertEquals("REFUSED", refused.getString("status"), refused.toString());
        assertTrue(refused.getString("problem").contains("BILL_DIGEST_MISMATCH"), refused.toString());
        assertEquals(0, refused.getInt("matchedLines"));
        assertEquals(0, read(day).getJsonArray("differences").size(), "nothing of a refused bill is matched");

        platform().bills().crafted(day).wrongDigest(false);
        JsonObject mended = reconcile(day, 200).getJsonObject("day");
        assertEquals("BALANCED", mended.getString("status"), mended.toString());
        assertEquals(1, mended.getInt("matchedLines"));
        assertEquals(100, mended.getJsonNumber("matchedFen").longValue());
        assertEquals(1, mended.getInt("claimRides"));
        assertEquals(3, mended.getInt("attempts"));

        // A bill wrong again later leaves the balanced result as it was, with a note of the failed re-check
        platform().bills().crafted(day).wrongDigest(true);
        JsonObject kept = reconcile(day, 200).getJsonObject("day");
        assertEquals("BALANCED", kept.getString("status"));
        assertEquals(1, kept.getInt("matchedLines"));
        assertTrue(kept.getString("problem").contains("REFUSED"), kept.toString());
        platform().bills().crafted(day).wrongDigest(false);
    }

    @Test
    void theTimersWorkMatchesEveryDayOfTheWeekNotMatchedYetAndALateBillIsTriedAgain() throws Exception {
        LocalDate today = LocalDate.now(SHANWEI);
        LocalDate late = today.minusDays(7);
        platform().bills().crafted(late).notReady(true);
        List<JsonObject> first = due();
        platform().bills().crafted(late).notReady(false);
        // Every day of the week is matched now, or still waiting for its bill (the one made late)
        for (LocalDate day = today.minusDays(7); day.isBefore(today); day = day.plusDays(1)) {
            String status = read(day).getJsonObject("day").getString("status");
            assertTrue(day.equals(late) ? status.equals("NOT_READY") || status.equals("BALANCED")
                    || status.equals("DIFFERENCES") : status.equals("BALANCED") || status.equals("DIFFERENCES"), day + ": " + status);
        }
        assertTrue(first.stream().allMatch(d -> !LocalDate.parse(d.getString("billDate")).isBefore(late)
                && LocalDate.parse(d.getString("billDate")).isBefore(today)), first.toString());
        // Run again: a day still waiting is taken again; a matched one is not (unless it had differences yesterday)
        String lateBefore = read(late).getJsonObject("day").getString("status");
        List<JsonObject> second = due();
        boolean lateTaken = second.stream().anyMatch(d -> d.getString("billDate").equals(late.toString()));
        assertEquals(lateBefore.equals("NOT_READY"), lateTaken, second.toString());
        assertTrue(second.stream().noneMatch(d -> d.getString("status").equals("BALANCED")
                && !d.getString("billDate").equals(late.toString())), "a balanced day is not matched again: " + second);
    }

    private static List<JsonObject> due() throws Exception {
        HttpResponse<String> due = ValidatorClient.operator("POST", API + "due", null);
        assertEquals(200, due.statusCode(), due.body());
        return Http.jsonArray(due).stream().map(JsonValue::asJsonObject).toList();
    }

    @Test
    void thePageListsTheDaysAndShowsADaysDifferencesAndOnlyTheOperatorReconciles() throws Exception {
        LocalDate day = LocalDate.now(SHANWEI).minusDays(6);
        long trip = paidRide("1", 7, time(day, "07:45"));
        String order = orderOf(trip);
        platform().bills().crafted(day).omit(order);
        reconcile(day, 200);

        browser = Browser.open("zh-CN");
        LoginPage.open(browser).signInAs("operator", StaffSessions.DEMO_PASSWORD);
        browser.get(RunningSystem.baseUrl() + "/staff/reconciliation.xhtml");
        WebElement row = browser.findElement(By.cssSelector("tr.day[data-day='" + day + "']"));
        assertEquals("DIFFERENCES", row.getAttribute("data-status"));
        assertEquals("有差异", row.findElement(By.cssSelector(".status")).getText());
        Pages.submitAndAwaitNewPage(browser, row.findElement(By.cssSelector("input.details")));
        WebElement difference = browser.findElement(By.cssSelector("tr.difference[data-number='" + order + "']"));
        assertEquals("MISSING_FROM_BILL", difference.getAttribute("data-kind"));
        assertTrue(difference.getText().contains("1.00") && difference.getText().contains(Long.toString(trip)),
                difference.getText());
        screenshot("reconciliation-differences");
        // Again, by the operator, once the platform re-issued the day's bill with the payment on it
        platform().bills().crafted(day).include(order);
        Pages.submitAndAwaitNewPage(browser, By.cssSelector("tr.day[data-day='" + day + "'] input.again"));
        assertEquals("BALANCED", browser.findElement(By.cssSelector("tr.day[data-day='" + day + "']")).getAttribute("data-status"));
        assertTrue(browser.findElements(By.id("noDifferences")).size() == 1, "no differences shown");
        browser.quit();
        browser = null;

        browser = Browser.open("en");
        LoginPage.open(browser).signInAs("bureau", StaffSessions.DEMO_PASSWORD);
        browser.get(RunningSystem.baseUrl() + "/staff/reconciliation.xhtml");
        WebElement seen = browser.findElement(By.cssSelector("tr.day[data-day='" + day + "']"));
        assertEquals("Balanced", seen.findElement(By.cssSelector(".status")).getText());
        assertTrue(seen.findElements(By.cssSelector("input.again")).isEmpty(), "bureau staff read, do not reconcile");
        assertTrue(browser.findElements(By.id("days:due")).isEmpty());
    }

    @Test
    void aDayThatHasNotEndedHasNoBillAndTheRoleIsCheckedOnTheServer() throws Exception {
        HttpResponse<String> today = ValidatorClient.operator("POST", API + LocalDate.now(SHANWEI), null);
        assertEquals(422, today.statusCode(), today.body());
        assertEquals("DAY_NOT_ENDED", Http.json(today).getString("code"));
        HttpResponse<String> nonsense = ValidatorClient.operator("GET", API + "yesterday", null);
        assertEquals(400, nonsense.statusCode(), nonsense.body());
        HttpResponse<String> never = ValidatorClient.operator("GET", API + "2001-01-01", null);
        assertEquals(404, never.statusCode(), never.body());
        assertEquals("NOT_RECONCILED", Http.json(never).getString("code"));
        // Bureau staff read the results; reconciling is the card operator's, refused by the boundary itself
        HttpResponse<String> byBureau = Http.client().send(HttpRequest.newBuilder(Http.uri(API + yesterday()))
                .header("Cookie", StaffSessions.of("bureau")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, byBureau.statusCode(), byBureau.body());
        assertEquals("ROLE_FORBIDDEN", Http.json(byBureau).getString("code"));
        HttpResponse<String> read = Http.client().send(HttpRequest.newBuilder(Http.uri(API.substring(0, API.length() - 1)))
                .header("Cookie", StaffSessions.of("bureau")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        HttpResponse<String> anonymous = Http.client().send(HttpRequest.newBuilder(Http.uri(API + yesterday()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 401 || anonymous.statusCode() == 403,
                "anonymous: " + anonymous.statusCode());
    }

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * A new rider's ride of yesterday at {@code hour} on a new bus of the route (fare 200 fen), charged through the
     * real collection, whose payment the platform dates at {@code paidAt}; waits until it is subsidised.
     */
    private static long paidRide(String routeNo, int hour, OffsetDateTime paidAt) throws Exception {
        Rider rider = Rider.signedUp();
        platform().faults(platform().contractOf(rider.agreementRequestNo())).succeedAt(paidAt);
        long trip = ride(rider, rider.credential(), ValidatorClient.register(routeNo), routeNo, 200, at(yesterday(), hour, 0));
        assertEquals("SUBSIDISED", settledOutcome(trip));
        return trip;
    }

    /** The trip's deduction order number, as the system's own view states it. */
    private static String orderOf(long trip) throws Exception {
        return (String) value("SELECT order_no FROM trip_outcome WHERE trip_id = ?", trip);
    }

    private static OffsetDateTime time(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SHANWEI).toOffsetDateTime();
    }

    private static JsonObject reconcile(LocalDate day, int expected) throws Exception {
        HttpResponse<String> response = ValidatorClient.operator("POST", API + day, null);
        assertEquals(expected, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static JsonObject read(LocalDate day) throws Exception {
        HttpResponse<String> response = ValidatorClient.operator("GET", API + day, null);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    /** Each difference's number and kind. */
    private static Map<String, String> kinds(JsonObject result) {
        return result.getJsonArray("differences").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(d -> d.getString("number"), d -> d.getString("kind"), (a, b) -> a + "+" + b,
                        TreeMap::new));
    }

    private static JsonObject difference(JsonObject result, String number) {
        return result.getJsonArray("differences").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("number").equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError(number + " in " + result));
    }
}
