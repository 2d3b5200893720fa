package cn.gov.shanwei.xinyixing.eligibility;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.remove;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.access.LoginPage;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.Browser;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * R2–R5 and R17 end to end: people are put on the list through the intake, other concessions
 * through the card operator's interface, and the decision is read on the staff eligibility page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EligibilityChecks {

    private static final String DAY = "2026-11-26";

    private final String donor4000 = TestPeople.shanwei();
    private final String donor3999 = TestPeople.shanwei();
    private final String outsiderUnknownResidency = TestPeople.guangzhou();
    private final String outsiderHabitual = TestPeople.guangzhou();
    private final String elderlyModel = TestPeople.shanwei();
    private final String revoked = TestPeople.shanwei();
    private final String donor9999 = TestPeople.shanwei();
    private final String donor10000 = TestPeople.shanwei();
    private final String oneStar = TestPeople.shanwei();
    private final String twoStars = TestPeople.shanwei();

    private ChromeDriver browser;
    private EligibilityPage page;

    @BeforeAll
    void putPeopleOnTheList() throws Exception {
        HttpResponse<String> pushed = PlatformClient.pushRest(signed(PlatformClient.nextSequence(), List.of(
                add(donor4000, "BLOOD_DONOR", blood(4000), null),
                add(donor3999, "BLOOD_DONOR", blood(3999), null),
                add(outsiderUnknownResidency, "MORAL_MODEL", CategoryDetails.NONE, null),
                add(outsiderHabitual, "MORAL_MODEL", CategoryDetails.NONE, Residency.HABITUAL),
                add(elderlyModel, "MORAL_MODEL", CategoryDetails.NONE, null),
                add(revoked, "STEM_CELL_DONOR", CategoryDetails.NONE, null),
                add(donor9999, "CHARITY_DONOR", new CategoryDetails(null, null, new BigDecimal("9999.99"), null, null), null),
                add(donor10000, "CHARITY_DONOR", new CategoryDetails(null, null, new BigDecimal("10000"), null, null), null),
                add(oneStar, "VOLUNTEER_STARS", new CategoryDetails(null, null, null, 1, null), null),
                add(twoStars, "VOLUNTEER_STARS", new CategoryDetails(null, null, null, 2, null), null))));
        assertEquals(200, pushed.statusCode(), pushed.body());
        HttpResponse<String> imported = importConcessions("[{\"idNumber\":\"" + elderlyModel
                + "\",\"concessionType\":\"ELDERLY\",\"accountType\":\"03\",\"validFrom\":\"2020-01-01\"}]");
        assertEquals(200, imported.statusCode(), imported.body());

        browser = Browser.open("zh-CN");
        LoginPage.open(browser).signInAs("bureau", "Xyx-demo-2026");
        page = EligibilityPage.open(browser);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void bloodDonorQualifiesAt4000MlButNotAt3999() {
        assertTrue(page.lookUp(donor4000, DAY).eligible());
        assertTrue(page.reasonCodes().contains("QUALIFIED"));
        assertTrue(page.verdict().contains("50%"), page.verdict());

        assertFalse(page.lookUp(donor3999, DAY).eligible());
        assertTrue(page.reasonCodes().contains("BELOW_THRESHOLD"), page.reasonCodes().toString());
    }

    @Test
    void charityQualifiesAt10000YuanButNotAt9999_99() {
        assertFalse(page.lookUp(donor9999, DAY).eligible());
        assertTrue(page.reasonCodes().contains("BELOW_THRESHOLD"));
        assertTrue(page.lookUp(donor10000, DAY).eligible());
    }

    @Test
    void volunteersQualifyAtTwoStarsButNotAtOne() {
        assertFalse(page.lookUp(oneStar, DAY).eligible());
        assertTrue(page.reasonCodes().contains("BELOW_THRESHOLD"));
        assertTrue(page.lookUp(twoStars, DAY).eligible());
    }

    @Test
    void residencyComesFromThePlatformOrElseTheIdNumbersRegion() {
        assertFalse(page.lookUp(outsiderUnknownResidency, DAY).eligible());
        assertTrue(page.reasonCodes().contains("NOT_RESIDENT"));
        assertTrue(page.lookUp(outsiderHabitual, DAY).eligible(), "常住 reported by the platform counts");
    }

    @Test
    void anotherConcessionExcludesTheDiscount() {
        assertFalse(page.lookUp(elderlyModel, DAY).eligible());
        assertTrue(page.reasonCodes().contains("OTHER_CONCESSION"));
        assertTrue(page.verdict().contains("老年人"), page.verdict());
    }

    @Test
    void policyWindowEndsAfterTwoYears() {
        assertTrue(page.lookUp(donor4000, "2026-01-01").eligible());
        assertTrue(page.lookUp(donor4000, "2027-12-31").eligible());
        assertFalse(page.lookUp(donor4000, "2028-01-01").eligible());
        assertTrue(page.reasonCodes().contains("POLICY_NOT_IN_FORCE"));
        assertFalse(page.lookUp(donor4000, "2025-12-31").eligible());
    }

    @Test
    void revocationRemovesEligibility() throws Exception {
        assertTrue(page.lookUp(revoked, DAY).eligible());
        HttpResponse<String> removal = PlatformClient.pushRest(signed(PlatformClient.nextSequence(),
                List.of(remove(revoked, "STEM_CELL_DONOR"))));
        assertEquals(200, removal.statusCode(), removal.body());
        assertEquals(1, Http.json(removal).getInt("removed"));

        assertFalse(page.lookUp(revoked, DAY).eligible());
        assertTrue(page.reasonCodes().contains("ENTRY_REVOKED"));
    }

    @Test
    void pageShowsTheNumberOnlyMaskedAndRefusesBadInput() {
        page.lookUp(donor4000, DAY);
        assertTrue(page.heading().startsWith(donor4000.substring(0, 4) + "**********"), page.heading());
        assertFalse(page.pageSource().contains(donor4000), "the plain number is not sent back");

        page.lookUp("441502199001011230", DAY);
        assertEquals(List.of("身份证号格式错误。"), page.errors());
    }

    @Test
    void aNumberIsNeverEchoedWhenTheLookupIsRefused() {
        page.lookUp(donor4000, "2026-13-45");
        assertEquals(List.of("日期格式应为 yyyy-mm-dd。"), page.errors());
        assertEquals("", page.idNumberField(), "the valid number is not put back after a bad date");
        assertFalse(page.pageSource().contains(donor4000), "the plain number is not sent back");

        String wrongCheckDigit = donor3999.substring(0, 17) + (donor3999.charAt(17) == '0' ? '1' : '0');
        page.lookUp(wrongCheckDigit, DAY);
        assertEquals(List.of("身份证号格式错误。"), page.errors());
        assertEquals("", page.idNumberField());
        assertFalse(page.pageSource().contains(wrongCheckDigit.substring(0, 17)), "nor a number one digit off");
    }

    @Test
    void concessionImportIsAllOrNothing() throws Exception {
        HttpResponse<String> refused = importConcessions("[{\"idNumber\":\"" + donor4000
                + "\",\"concessionType\":\"ELDERLY\",\"accountType\":\"03\",\"validFrom\":\"2020-01-01\"},"
                + "{\"idNumber\":\"" + donor3999 + "\",\"concessionType\":\"ASTRONAUT\",\"accountType\":\"99\",\"validFrom\":\"2020-01-01\"}]");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(List.of("1: CONCESSION_TYPE_UNKNOWN"), Http.json(refused).getJsonArray("problems")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(page.lookUp(donor4000, DAY).eligible(), "the valid first row was not imported either");
    }

    /** The card operator's import of other concessions (R4), as it sends it. */
    public static HttpResponse<String> importConcessions(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.uri("/api/operator/v1/concessions"))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningSystem.operatorApiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
