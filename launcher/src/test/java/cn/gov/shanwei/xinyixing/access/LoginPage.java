package cn.gov.shanwei.xinyixing.access;

import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The staff sign-in page, addressed by its explicit component ids. */
public final class LoginPage {

    private final WebDriver browser;

    LoginPage(WebDriver browser) {
        this.browser = browser;
    }

    public static LoginPage open(WebDriver browser) {
        browser.get(RunningSystem.baseUrl() + "/login.xhtml");
        return new LoginPage(browser);
    }

    public StaffHomePage signInAs(String username, String password) {
        submit(username, password);
        return StaffHomePage.awaitShown(browser);
    }

    public LoginPage signInExpectingRefusal(String username, String password) {
        submit(username, password);
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login\\:messages li")));
        return this;
    }

    static LoginPage awaitShown(WebDriver browser) {
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("login:submit")));
        return new LoginPage(browser);
    }

    public boolean isShown() {
        return !browser.findElements(By.id("login:submit")).isEmpty();
    }

    public List<String> errors() {
        return browser.findElements(By.cssSelector("#login\\:messages li")).stream().map(WebElement::getText).toList();
    }

    public String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private void submit(String username, String password) {
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
    }
}
