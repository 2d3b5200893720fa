package cn.gov.shanwei.xinyixing.validatorkit.sim;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A day of validator traffic for replays and load tests. UTF-8 text, one scan per line:
 * <pre>
 * # comment lines and blank lines are ignored
 * 2026-11-26T00:00:03Z&lt;TAB&gt;gQFV…base64 of the raw code…
 * </pre>
 * The first field is the scan time (ISO-8601 instant); the second the raw ride code in standard Base64 (as in the
 * JSON APIs). Lines need not be sorted; the replay takes them in file order.
 */
public final class ReplayFile {

    /** One line. */
    public record Line(int lineNumber, Instant scannedAt, byte[] code) {
    }

    private ReplayFile() {
    }

    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                String line = text.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IOException(file + ":" + number + ": expected <scannedAt> TAB <base64 code>");
                }
                try {
                    lines.add(new Line(number, Instant.parse(line.substring(0, tab).strip()),
                            Base64.getDecoder().decode(line.substring(tab + 1).strip())));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return lines;
    }

    public static void write(Path file, List<Line> lines, String comment) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (comment != null) {
                for (String c : comment.split("\n")) {
                    out.write("# " + c + "\n");
                }
            }
            Base64.Encoder base64 = Base64.getEncoder();
            for (Line line : lines) {
                out.write(line.scannedAt() + "\t" + base64.encodeToString(line.code()) + "\n");
            }
        }
    }
}
