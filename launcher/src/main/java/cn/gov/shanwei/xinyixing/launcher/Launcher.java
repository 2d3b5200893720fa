package cn.gov.shanwei.xinyixing.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: starts the whole system with demo data and keeps it up until Ctrl-C.
 * Data lives in {@code .data/} at the top of the project (or {@code -Dxinyixing.home}), so a
 * second start keeps it; delete that directory to start afresh.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Instant began = Instant.now();
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("xinyixing.home", root.resolve(".data").toString()));
        int dbPort = Integer.getInteger("xinyixing.db-port", 13306);
        SystemStack.Settings settings = SystemStack.Settings.fromBuild(home, "xinyixing", 0, dbPort, "xinyixing", false, true, Map.of(), 8990);

        System.out.println("Starting 信易行 (database, Payara Server, application)...");
        SystemStack stack = SystemStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping 信易行...");
            stack.close();
            stopped.countDown();
        }));

        String base = stack.baseUrl();
        System.out.printf("""

                信易行 is ready in %d s. Ctrl-C stops it; data stays in %s
                  Home page          %s/
                  Staff sign-in      %s/staff/index.xhtml   (demo accounts: see README)
                  Health             %s/health
                  OpenAPI document   %s/openapi
                  SOAP red-list WSDL %s/soap/RedListPush?wsdl
                  Identity tokens    %s?idNumber=441502198503120020&name=陈志明   (stub of 善美村居)
                  Payment platform   %s   (stub: agreements and their notifications)
                  Admin console      http://localhost:%d/
                HTTPS uses a certificate made for localhost on first start (%s);
                a browser asks once to accept it. Plain HTTP (%s) only redirects to HTTPS.
                %n""", Duration.between(began, Instant.now()).toSeconds(), home, base, base, base, base, base,
                stack.identityProvider().tokenUrl(), stack.paymentPlatform().url(), stack.adminPort(),
                home.resolve("tls"), stack.plainHttpUrl());
        stopped.await();
    }
}
