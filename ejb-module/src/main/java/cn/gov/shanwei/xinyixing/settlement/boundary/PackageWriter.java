package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.platform.clock.ClockProducer;
import cn.gov.shanwei.xinyixing.settlement.control.DetailCsv;
import cn.gov.shanwei.xinyixing.settlement.control.DetailLine;
import cn.gov.shanwei.xinyixing.settlement.control.SettlementWorkbook;
import cn.gov.shanwei.xinyixing.settlement.control.SummaryCsv;
import cn.gov.shanwei.xinyixing.settlement.control.SummaryLine;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The files of one package, written in one pass over the detail: {@code detail.csv}, {@code summary.csv}
 * and {@code settlement-<year>-v<version>.xlsx}. Closing always deletes the workbook's temporary files,
 * whether or not the package was finished.
 */
final class PackageWriter implements AutoCloseable {

    private final Path dir;
    private final String workbookName;
    private final DetailCsv detail;
    private final SettlementWorkbook workbook;

    PackageWriter(Path dir, SettlementRun run, Instant generatedAt) throws IOException {
        this.dir = dir;
        this.workbookName = "settlement-" + run.year() + "-v" + run.version() + ".xlsx";
        this.workbook = new SettlementWorkbook(run.year(), run.version(), generatedAt.atZone(ClockProducer.SHANWEI));
        this.detail = new DetailCsv(new BufferedOutputStream(Files.newOutputStream(dir.resolve("detail.csv")), 1 << 16));
    }

    void detail(DetailLine line) throws IOException {
        detail.write(line);
        workbook.detail(line);
    }

    /** The summary, then the cover (which needs the totals), then the workbook is written out. */
    void summary(List<SummaryLine> summary, Totals subsidised, String reconciliation) throws IOException {
        detail.close();
        try (SummaryCsv csv = new SummaryCsv(new BufferedOutputStream(Files.newOutputStream(dir.resolve("summary.csv"))))) {
            for (SummaryLine line : summary) {
                csv.write(line);
                workbook.summary(line);
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(workbookName)), 1 << 16)) {
            workbook.finish(subsidised, reconciliation, out);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            detail.close();
        } finally {
            workbook.close();
        }
    }
}
