package cn.gov.shanwei.xinyixing.access;

import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Explicit waits for page objects: a page is read only once it has arrived. */
public final class Pages {

    private Pages() {
    }

    public static <T> T await(WebDriver browser, ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
