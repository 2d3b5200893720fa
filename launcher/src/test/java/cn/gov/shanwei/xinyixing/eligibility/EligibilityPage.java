package cn.gov.shanwei.xinyixing.eligibility;

import cn.gov.shanwei.xinyixing.access.Pages;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The staff eligibility page: look a person up for a day and read the decision and its reasons. */
final class EligibilityPage {

    private final WebDriver browser;

    private EligibilityPage(WebDriver browser) {
        this.browser = browser;
    }

    static EligibilityPage open(WebDriver browser) {
        browser.get(RunningSystem.baseUrl() + "/staff/eligibility.xhtml");
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("lookup:decide")));
        return new EligibilityPage(browser);
    }

    EligibilityPage lookUp(String idNumber, String day) {
        WebElement id = browser.findElement(By.id("lookup:idNumber"));
        id.clear();
        id.sendKeys(idNumber);
        WebElement date = browser.findElement(By.id("lookup:date"));
        date.clear();
        date.sendKeys(day);
        Pages.submitAndAwaitNewPage(browser, By.id("lookup:decide"));
        Pages.await(browser, ExpectedConditions.presenceOfElementLocated(By.id("lookup:decide")));
        return this;
    }

    boolean eligible() {
        return Boolean.parseBoolean(browser.findElement(By.id("decision")).getAttribute("data-eligible"));
    }

    List<String> reasonCodes() {
        return browser.findElements(By.cssSelector("#reasons tr.reason")).stream()
                .map(row -> row.getAttribute("data-code")).toList();
    }

    String verdict() {
        return browser.findElement(By.id("verdict")).getText();
    }

    String heading() {
        return browser.findElement(By.cssSelector("#decision h2")).getText();
    }

    List<String> errors() {
        return browser.findElements(By.cssSelector("#lookup\\:messages li")).stream().map(WebElement::getText).toList();
    }

    String idNumberField() {
        return browser.findElement(By.id("lookup:idNumber")).getAttribute("value");
    }

    String pageSource() {
        return browser.getPageSource();
    }
}
