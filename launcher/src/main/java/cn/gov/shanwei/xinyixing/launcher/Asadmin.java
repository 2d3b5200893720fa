package cn.gov.shanwei.xinyixing.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Payara's own command-line tool. Going through asadmin rather than editing domain.xml keeps
 * the launcher doing exactly what an operator does with the files in {@code server-config/}.
 */
final class Asadmin {

    private final Path payaraHome;
    private final int adminPort;
    private final Map<String, String> environment;

    Asadmin(Path payaraHome, int adminPort, Map<String, String> environment) {
        this.payaraHome = payaraHome;
        this.adminPort = adminPort;
        this.environment = Map.copyOf(environment);
    }

    /** A command that talks to the running domain (remote command) on this domain's admin port. */
    String remote(String... arguments) {
        List<String> command = new ArrayList<>(List.of("--port", Integer.toString(adminPort), "--interactive=false"));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** A command that works on files (create-domain, start-domain, stop-domain). */
    String local(String... arguments) {
        List<String> command = new ArrayList<>(List.of("--interactive=false"));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private String run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run asadmin", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running asadmin", e);
        }
    }
}
