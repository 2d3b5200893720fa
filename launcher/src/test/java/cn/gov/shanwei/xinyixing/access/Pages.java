package cn.gov.shanwei.xinyixing.access;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Explicit waits for page objects: a page is read only once it has arrived. */
public final class Pages {

    private Pages() {
    }

    /**
     * Clicks and waits until a new document has replaced the old one. A marker on the old window
     * tells the two apart; waiting for the old button to go stale trips over ChromeDriver errors.
     */
    public static void submitAndAwaitNewPage(WebDriver browser, By button) {
        submitAndAwaitNewPage(browser, browser.findElement(button));
    }

    public static void submitAndAwaitNewPage(WebDriver browser, WebElement button) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__previousPage = true");
        button.click();
        await(browser, driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return window.__previousPage === undefined && document.readyState === 'complete'")));
    }

    public static <T> T await(WebDriver browser, ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
