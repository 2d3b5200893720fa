package cn.gov.shanwei.xinyixing.access;

import cn.gov.shanwei.xinyixing.system.RunningSystem;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page the server shows for a refusal (403) or an unknown address (404). */
public final class ErrorPage {

    private final WebDriver browser;

    private ErrorPage(WebDriver browser) {
        this.browser = browser;
    }

    /** Opens a path expecting the server's error page instead of the page itself. */
    public static ErrorPage openExpectingError(WebDriver browser, String path) {
        browser.get(RunningSystem.baseUrl() + path);
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("errorText")));
        return new ErrorPage(browser);
    }

    public String heading() {
        return browser.findElement(By.id("errorHeading")).getText();
    }

    public String text() {
        return browser.findElement(By.id("errorText")).getText();
    }
}
