package cn.gov.shanwei.xinyixing.access;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The staff home page: who is signed in, in which roles, and which tasks it offers. */
public final class StaffHomePage {

    private final WebDriver browser;

    private StaffHomePage(WebDriver browser) {
        this.browser = browser;
    }

    /** Clicking sign-in returns before the next page has loaded; wait for this page's own element. */
    static StaffHomePage awaitShown(WebDriver browser) {
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("displayName")));
        return new StaffHomePage(browser);
    }

    public String displayName() {
        return browser.findElement(By.id("displayName")).getText();
    }

    public List<String> roles() {
        return browser.findElements(By.cssSelector("#roles li.role")).stream()
                .map(item -> item.getAttribute("data-role"))
                .toList();
    }

    /** The tasks offered, by their {@code data-task} names. */
    public List<String> tasks() {
        return browser.findElements(By.cssSelector("#tasks li.task")).stream()
                .map(item -> item.getAttribute("data-task"))
                .toList();
    }

    public boolean offersEligibilityLookup() {
        return !browser.findElements(By.id("eligibilityLink")).isEmpty();
    }

    public boolean saysNoTasks() {
        return !browser.findElements(By.id("noTasks")).isEmpty();
    }

    public LoginPage signOut() {
        browser.findElement(By.id("account:signOut")).click();
        return LoginPage.awaitShown(browser);
    }
}
