package cn.gov.shanwei.xinyixing.trip;

import cn.gov.shanwei.xinyixing.access.Pages;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The operator's validator register: search, register (secret shown once), disable with a confirmation. */
final class DevicesPage {

    private final WebDriver browser;

    private DevicesPage(WebDriver browser) {
        this.browser = browser;
    }

    static DevicesPage open(WebDriver browser) {
        browser.get(RunningSystem.baseUrl() + "/staff/devices.xhtml");
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("register:save")));
        return new DevicesPage(browser);
    }

    DevicesPage register(String deviceId, String companyCode, String routeNo, String plate) {
        type("register:deviceId", deviceId);
        type("register:company", companyCode);
        type("register:route", routeNo);
        type("register:plate", plate);
        return submit(By.id("register:save"));
    }

    DevicesPage search(String text) {
        type("search:text", text);
        return submit(By.id("search:find"));
    }

    /** The secret shown after a registration or renewal, or null. */
    String shownSecret() {
        List<WebElement> secret = browser.findElements(By.id("issuedSecret"));
        return secret.isEmpty() ? null : secret.get(0).getText().strip();
    }

    List<String> devices() {
        return browser.findElements(By.cssSelector("#devices tr.device")).stream()
                .map(row -> row.getAttribute("data-device")).toList();
    }

    boolean active(String deviceId) {
        return Boolean.parseBoolean(row(deviceId).getAttribute("data-active"));
    }

    /** Asks to disable: the page then asks for a confirmation, and nothing has changed yet. */
    DevicesPage askToDisable(String deviceId) {
        return submit(row(deviceId).findElement(By.cssSelector("input.disable")));
    }

    String question() {
        return browser.findElement(By.id("question")).getText();
    }

    DevicesPage confirm() {
        return submit(By.id("confirm:yes"));
    }

    DevicesPage cancel() {
        return submit(By.id("confirm:no"));
    }

    private WebElement row(String deviceId) {
        return browser.findElement(By.cssSelector("#devices tr.device[data-device='" + deviceId + "']"));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private DevicesPage submit(By button) {
        Pages.submitAndAwaitNewPage(browser, button);
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("register:save")));
        return this;
    }

    private DevicesPage submit(WebElement button) {
        Pages.submitAndAwaitNewPage(browser, button);
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("register:save")));
        return this;
    }
}
