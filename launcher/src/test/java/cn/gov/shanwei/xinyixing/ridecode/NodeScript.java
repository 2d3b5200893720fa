package cn.gov.shanwei.xinyixing.ridecode;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the small Node.js scripts in {@code launcher/src/test/node}, which wrap implementations written
 * independently of ours (sm-crypto, jsQR). The ride code must work with other parties' SM2 and QR code, and
 * agreeing with ourselves proves nothing about that.
 *
 * <p>The folder is {@code ${project.root}/launcher/src/test/node} when the {@code project.root} system
 * property is set, otherwise {@code src/test/node} relative to the working directory, which is the launcher
 * module when surefire runs. Its {@code node_modules} comes from {@code npm ci} in the build; when it is
 * missing the test fails with that instruction rather than with a confusing Node error.
 */
final class NodeScript {

    private static final long TIMEOUT_SECONDS = 60;

    private NodeScript() {
    }

    /** The folder holding package.json, the scripts and node_modules. */
    static Path directory() {
        String root = System.getProperty("project.root");
        Path folder = root == null || root.isBlank()
                ? Path.of("src", "test", "node")
                : Path.of(root, "launcher", "src", "test", "node");
        return folder.toAbsolutePath().normalize();
    }

    /**
     * Runs {@code node <script> <args…>} with {@code stdin} as its standard input and answers its standard
     * output, trimmed. Fails the test on a non-zero exit, a timeout, or when Node or node_modules is missing.
     */
    static String run(String script, String stdin, String... args) {
        Path folder = directory();
        requireInstalled(folder);
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(folder.toFile()).start();
        } catch (IOException e) {
            return fail("Could not start `node` (is Node.js 18+ on the PATH?): " + e.getMessage(), e);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            process.destroyForcibly();
            return fail("Could not write to `node " + script + "`: " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("`node " + String.join(" ", command.subList(1, command.size())) + "` did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                return fail("`node " + String.join(" ", command.subList(1, command.size())) + "` exited with "
                        + process.exitValue() + ": " + errors.join().strip());
            }
            return output.join().strip();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail("Interrupted while waiting for node", e);
        }
    }

    /** The string value of {@code "name":"…"} in the flat JSON object our scripts print. */
    static String stringField(String json, String name) {
        Matcher match = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!match.find()) {
            fail("No string field \"" + name + "\" in node output: " + json);
        }
        return match.group(1);
    }

    /** The integer value of {@code "name":123} in the flat JSON object our scripts print. */
    static int intField(String json, String name) {
        Matcher match = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!match.find()) {
            fail("No number field \"" + name + "\" in node output: " + json);
        }
        return Integer.parseInt(match.group(1));
    }

    private static void requireInstalled(Path folder) {
        if (!Files.isRegularFile(folder.resolve("package.json"))) {
            fail("No package.json in " + folder + ": set -Dproject.root to the repository root or run the tests"
                    + " from the launcher module");
        }
        if (!Files.isDirectory(folder.resolve("node_modules"))) {
            fail("node_modules is missing in " + folder + ": run `npm ci` there (the launcher build runs it in the"
                    + " generate-test-resources phase)");
        }
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
