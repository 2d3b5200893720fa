package cn.gov.shanwei.xinyixing.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; paths can be
 * overridden with {@code CHROMIUM} and {@code CHROMEDRIVER}). Nothing is downloaded: the driver
 * path is given, so Selenium Manager stays out of it. It trusts the system's generated TLS
 * certificate by its public key, so pages load over HTTPS with cookies that are {@code Secure}.
 */
public final class Browser {

    private Browser() {
    }

    /** {@code language} is what the browser asks for in Accept-Language, e.g. {@code zh-CN}. */
    public static ChromeDriver open(String language) {
        String binary = env("CHROMIUM", "/usr/bin/chromium");
        String driver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + profile, "--lang=" + language, "--accept-lang=" + language,
                        // The system's self-signed certificate is accepted by its key, as a trusted one would be;
                        // any other certificate error still stops the page
                        "--ignore-certificate-errors-spki-list=" + RunningSystem.tls().publicKeyPin());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
