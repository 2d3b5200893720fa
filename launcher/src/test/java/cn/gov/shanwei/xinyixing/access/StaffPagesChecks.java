package cn.gov.shanwei.xinyixing.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.system.Browser;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/** Staff sign-in in a real Chromium against the demo accounts (README: one per role). */
public abstract class StaffPagesChecks {

    private static final String DEMO_PASSWORD = "Xyx-demo-2026";

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "operator, OPERATOR_STAFF",
            "bureau,   BUREAU_STAFF",
            "leader,   CITY_LEADER",
            "finance,  FINANCE_STAFF",
            "auditor,  AUDITOR",
            "admin,    ADMIN"})
    void eachDemoAccountSignsInWithExactlyItsRole(String username, String role) {
        browser = Browser.open("zh-CN");
        StaffHomePage home = LoginPage.open(browser).signInAs(username, DEMO_PASSWORD);
        assertEquals(List.of(role), home.roles());
    }

    @ParameterizedTest
    @CsvSource({"leader", "finance"})
    void aRoleWithoutTheLookupSeesNoLinkAndIsToldPlainlyItLacksTheRight(String username) {
        browser = Browser.open("zh-CN");
        StaffHomePage home = LoginPage.open(browser).signInAs(username, DEMO_PASSWORD);
        assertFalse(home.offersEligibilityLookup(), "no link to a page the role may not open");
        assertEquals(List.of(), home.tasks());
        assertTrue(home.saysNoTasks());

        ErrorPage refused = ErrorPage.openExpectingError(browser, "/staff/eligibility.xhtml");
        assertEquals("无权访问 / Not permitted", refused.heading());
        assertTrue(refused.text().startsWith("您的角色无权使用此页面"), refused.text());
        assertTrue(refused.text().contains("Your role does not have the right"), refused.text());
        assertFalse(refused.text().contains("稍后再试"), "a missing right is not a fault to retry: " + refused.text());
    }

    @ParameterizedTest
    @CsvSource({"operator, eligibility devices settlement", "bureau, eligibility settlement", "auditor, eligibility settlement",
            "admin, eligibility devices settlement"})
    void aRoleIsOfferedItsPagesOnly(String username, String tasks) {
        browser = Browser.open("zh-CN");
        StaffHomePage home = LoginPage.open(browser).signInAs(username, DEMO_PASSWORD);
        assertEquals(List.of(tasks.split(" ")), home.tasks());
        assertFalse(home.saysNoTasks());
    }

    @Test
    void anUnknownPageSaysItDoesNotExist() throws Exception {
        assertEquals(404, Http.get("/no-such-page.xhtml").statusCode());
        browser = Browser.open("zh-CN");
        assertEquals("页面不存在 / Page not found", ErrorPage.openExpectingError(browser, "/no-such-page.xhtml").heading());
    }

    @Test
    void chineseIsShownFirstAndSignOutEndsTheSession() {
        browser = Browser.open("zh-CN");
        LoginPage login = LoginPage.open(browser);
        assertEquals("工作人员登录", login.heading());

        StaffHomePage home = login.signInAs("bureau", DEMO_PASSWORD);
        assertEquals("交通运输局 Bureau", home.displayName());

        assertTrue(home.signOut().isShown());
        browser.get(RunningSystem.baseUrl() + "/staff/index.xhtml");
        assertTrue(new LoginPage(browser).isShown(), "after sign-out the staff page asks for sign-in again");
    }

    @Test
    void signingInChangesTheSessionIdSoAnIdHandedOutBeforeNeverBecomesSignedIn() throws Exception {
        browser = Browser.open("zh-CN");
        LoginPage login = LoginPage.open(browser);
        Cookie before = browser.manage().getCookieNamed("JSESSIONID");
        assertNotNull(before, "the sign-in form's page starts a session");

        login.signInAs("bureau", DEMO_PASSWORD);
        assertNotEquals(before.getValue(), browser.manage().getCookieNamed("JSESSIONID").getValue());
        assertEquals(302, Http.client().send(HttpRequest.newBuilder(Http.uri("/staff/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + before.getValue()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the old id is not signed in");
    }

    @Test
    void pagesAreChineseForAClientThatStatesNoLanguage() throws Exception {
        String page = Http.get("/login.xhtml").body();
        assertTrue(page.contains("<h1>工作人员登录</h1>"), page);
    }

    @Test
    void englishIsShownToABrowserThatAsksForIt() {
        browser = Browser.open("en-US");
        assertEquals("Staff sign-in", LoginPage.open(browser).heading());
    }

    @Test
    void wrongPasswordIsRefusedAndTheStaffPageStaysClosed() {
        browser = Browser.open("zh-CN");
        LoginPage login = LoginPage.open(browser).signInExpectingRefusal("bureau", "not-the-password");
        assertTrue(login.isShown());
        assertEquals(List.of("用户名或密码错误。"), login.errors());

        browser.get(RunningSystem.baseUrl() + "/staff/index.xhtml");
        LoginPage again = new LoginPage(browser);
        assertTrue(again.isShown(), "a refused attempt must not leave the staff page half-open");
        assertEquals(List.of("BUREAU_STAFF"), again.signInAs("bureau", DEMO_PASSWORD).roles());
    }
}
