package cn.gov.shanwei.xinyixing.settlement.control;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The annual summary as CSV, every kind of {@link SummaryLine} in one table: a month of 0 and an empty route
 * are left blank (the row is not per month, not per route), excluded groups carry their outcome and its reason.
 */
public final class SummaryCsv implements AutoCloseable {

    private final CsvFile file;

    public SummaryCsv(OutputStream out) throws IOException {
        this.file = new CsvFile(out, Columns.SUMMARY);
    }

    public void write(SummaryLine line) throws IOException {
        file.write(line.companyCode(), line.month() == 0 ? "" : Integer.toString(line.month()), line.routeNo(),
                line.outcome().name(), line.outcome().description(), Long.toString(line.rides()),
                Yuan.text(line.originalFen()), Yuan.text(line.chargedFen()), Yuan.text(line.discountFen()));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
