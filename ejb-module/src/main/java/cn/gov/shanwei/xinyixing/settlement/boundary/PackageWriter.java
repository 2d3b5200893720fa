package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.settlement.control.DetailLine;
import cn.gov.shanwei.xinyixing.settlement.control.SummaryLine;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** PLACEHOLDER until the file writers land. */
final class PackageWriter implements AutoCloseable {

    PackageWriter(Path dir, SettlementRun run, Instant generatedAt) {
    }

    void detail(DetailLine line) throws IOException {
    }

    void summary(List<SummaryLine> summary, Totals subsidised, String reconciliation) throws IOException {
    }

    @Override
    public void close() {
    }
}
