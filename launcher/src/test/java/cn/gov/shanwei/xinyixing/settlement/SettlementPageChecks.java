package cn.gov.shanwei.xinyixing.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.access.LoginPage;
import cn.gov.shanwei.xinyixing.access.Pages;
import cn.gov.shanwei.xinyixing.system.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The settlement page in a real Chromium: a run in progress shows its rows done of total and the batch
 * runtime's steps (screenshots saved under {@code target/screenshots}); a second start of the same year is
 * refused on the page while one is unfinished; a completed version verifies.
 */
public abstract class SettlementPageChecks {

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRunInProgressShowsItsProgressAndASecondStartIsRefusedUntilItEnds() throws Exception {
        int year = Settlement.yesterday().getYear();
        Settlement.awaitNoRunning();
        long runId = Settlement.start(year, "页面检查 / page check", 1).getJsonNumber("id").longValue();

        browser = Browser.open("zh-CN");
        LoginPage.open(browser).signInAs("operator", "Xyx-demo-2026");
        browser.get(cn.gov.shanwei.xinyixing.system.RunningSystem.baseUrl() + "/staff/settlement.xhtml");
        WebElement row = browser.findElement(By.cssSelector("tr.run[data-run='" + runId + "']"));
        assertEquals("RUNNING", row.getAttribute("data-status"));
        assertTrue(row.findElement(By.cssSelector(".rows")).getText().contains("/"), row.getText());
        screenshot("settlement-running");

        // Ask, confirm: refused, because this year has a version under way
        browser.findElement(By.id("start:year")).clear();
        browser.findElement(By.id("start:year")).sendKeys(Integer.toString(year));
        browser.findElement(By.id("start:reason")).sendKeys("页面再次结算 / again from the page");
        Pages.submitAndAwaitNewPage(browser, By.id("start:ask"));
        assertTrue(browser.findElement(By.id("question")).getText().contains(Integer.toString(year)));
        Pages.submitAndAwaitNewPage(browser, By.id("start:yes"));
        assertTrue(browser.findElement(By.id("messages")).getText().contains("未完成"), browser.findElement(By.id("messages")).getText());

        Settlement.awaitCompleted(runId);
        Pages.submitAndAwaitNewPage(browser, By.id("runs:refresh"));
        WebElement done = browser.findElement(By.cssSelector("tr.run[data-run='" + runId + "']"));
        assertEquals("COMPLETED", done.getAttribute("data-status"));
        Pages.submitAndAwaitNewPage(browser, done.findElement(By.cssSelector("input.verify")));
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (browser.findElements(By.id("verdict")).isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertEquals("true", browser.findElement(By.id("verdict")).getAttribute("data-ok"));
        screenshot("settlement-verified");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
