package cn.gov.shanwei.xinyixing.settlement.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file as RFC 4180 writes it (comma, CRLF, a field in double quotes when it holds a comma, a quote, CR or
 * LF, quotes doubled), in UTF-8 with a byte-order mark: without it Excel reads the file in the local ANSI code
 * page and the Chinese headings come out garbled. Rows go straight to a buffered stream; nothing is kept.
 */
final class CsvFile implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private long rows;

    CsvFile(OutputStream stream, List<String> header) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
        out.write('\uFEFF');
        write(header.toArray(String[]::new));
        rows = 0;
    }

    void write(String... fields) throws IOException {
        row.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            field(row, fields[i]);
        }
        row.append("\r\n");
        out.append(row);
        rows++;
    }

    /** Data rows written, the header not counted. */
    long rows() {
        return rows;
    }

    static void field(StringBuilder row, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            row.append(value);
            return;
        }
        row.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                row.append('"');
            }
            row.append(c);
        }
        row.append('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
