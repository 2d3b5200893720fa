package cn.gov.shanwei.xinyixing.system;

import cn.gov.shanwei.xinyixing.access.LoginPage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signed-in staff sessions for calling the staff HTTP APIs: each demo user signs in once through the
 * real login page in Chromium, and its session cookie is reused by every check of the run.
 */
public final class StaffSessions {

    public static final String DEMO_PASSWORD = "Xyx-demo-2026";

    private static final Map<String, String> COOKIES = new ConcurrentHashMap<>();

    private StaffSessions() {
    }

    /** A {@code Cookie} header value for the demo user, signed in afresh. */
    public static String signIn(String username) {
        ChromeDriver browser = Browser.open("zh-CN");
        try {
            LoginPage.open(browser).signInAs(username, DEMO_PASSWORD);
            Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
            return cookie.getName() + "=" + cookie.getValue();
        } finally {
            browser.quit();
        }
    }

    /** Forgets the sessions signed in so far: the server that held them was restarted. */
    public static void forgetAll() {
        COOKIES.clear();
    }

    /**
     * The demo user's session, signed in on first use. Right after a restart the server compiles its pages
     * again under load, so a first sign-in that times out is tried twice more before the check fails.
     */
    public static String of(String username) {
        return COOKIES.computeIfAbsent(username, user -> {
            RuntimeException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    return signIn(user);
                } catch (RuntimeException slow) {
                    last = slow;
                }
            }
            throw last;
        });
    }
}
