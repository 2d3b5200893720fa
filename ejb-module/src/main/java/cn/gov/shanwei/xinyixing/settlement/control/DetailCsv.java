package cn.gov.shanwei.xinyixing.settlement.control;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The annual detail as CSV: one row per subsidised ride, amounts in yuan ({@link Yuan#text}), written as the
 * rows arrive so that a year of ten million rides never sits in memory. Closing closes the stream.
 */
public final class DetailCsv implements AutoCloseable {

    private final CsvFile file;

    public DetailCsv(OutputStream out) throws IOException {
        this.file = new CsvFile(out, Columns.DETAIL);
    }

    public void write(DetailLine line) throws IOException {
        file.write(Long.toString(line.tripId()), Columns.TIME.format(line.riddenAt()), line.companyCode(),
                line.routeNo(), line.deviceId(), line.maskedAccount(), line.concession(), line.ruleVersion(),
                Yuan.text(line.originalFen()), Yuan.text(line.chargedFen()), Yuan.text(line.discountFen()));
    }

    /** Rides written so far. */
    public long lines() {
        return file.rows();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
