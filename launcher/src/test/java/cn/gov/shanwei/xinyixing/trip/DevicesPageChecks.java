package cn.gov.shanwei.xinyixing.trip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.access.ErrorPage;
import cn.gov.shanwei.xinyixing.access.LoginPage;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.Browser;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.StaffSessions;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The validator register in a real browser: an operator registers a device and reads its secret once,
 * the device signs with it, and a disable needs a confirmation before it takes effect.
 */
public abstract class DevicesPageChecks {

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRegistersADeviceThatThenSignsWithItsSecretAndDisablesItAfterConfirming() throws Exception {
        browser = Browser.open("zh-CN");
        LoginPage.open(browser).signInAs("operator", StaffSessions.DEMO_PASSWORD);
        String deviceId = "PAGE-" + Long.toHexString(System.nanoTime());
        DevicesPage page = DevicesPage.open(browser).register(deviceId, "SWBUS", "6", "粤N·P0001");
        String secret = page.shownSecret();
        assertTrue(secret != null && secret.matches("[0-9a-f]{64}"), "a 32-byte secret, once: " + secret);

        ValidatorClient device = ValidatorClient.withSecret(deviceId, secret);
        assertEquals(200, device.get("/api/validator/v1/sync", "blacklistSince=0").statusCode());

        page = DevicesPage.open(browser);
        assertNull(page.shownSecret(), "the secret is not shown again");
        page.search(deviceId);
        assertEquals(List.of(deviceId), page.devices());
        assertTrue(page.active(deviceId));

        page.askToDisable(deviceId);
        assertTrue(page.question().contains(deviceId), page.question());
        assertTrue(page.active(deviceId), "nothing changes before the confirmation");
        page.cancel();
        assertTrue(page.active(deviceId));
        page.askToDisable(deviceId).confirm();
        assertFalse(page.active(deviceId));
        HttpResponse<String> refused = device.get("/api/validator/v1/sync", "blacklistSince=0");
        assertEquals(401, refused.statusCode());
        assertEquals("DEVICE_DISABLED", Http.json(refused).getString("code"));
    }

    @Test
    void bureauStaffMayNotOpenTheRegister() {
        browser = Browser.open("zh-CN");
        LoginPage.open(browser).signInAs("bureau", StaffSessions.DEMO_PASSWORD);
        assertEquals("无权访问 / Not permitted", ErrorPage.openExpectingError(browser, "/staff/devices.xhtml").heading());
    }
}
