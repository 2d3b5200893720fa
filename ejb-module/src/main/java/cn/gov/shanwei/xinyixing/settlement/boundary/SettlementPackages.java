package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.settlement.control.DetailLine;
import cn.gov.shanwei.xinyixing.settlement.control.Outcome;
import cn.gov.shanwei.xinyixing.settlement.control.PackageSeal;
import cn.gov.shanwei.xinyixing.settlement.control.PackageTotals;
import cn.gov.shanwei.xinyixing.settlement.control.SummaryLine;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Writes and seals a version's package from its frozen basis ({@code settlement_line}): the detail of
 * every subsidised ride, streamed row by row from the database into the CSV and the workbook (the year is
 * never held in memory), and the summary, computed by the database from the same rows. The detail's own
 * sums are held against the summary before anything is sealed.
 */
@Stateless
@PermitAll
public class SettlementPackages {

    /** What a written package holds, for the cover and the seal. */
    public record Written(Path dir, Totals subsidised, List<SummaryLine> summary, String reconciliation) {
    }

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    @EJB
    SettlementProgress progress;

    @EJB
    RollUps rollUps;

    @EJB
    Reconciliations reconciliations;

    @Inject
    PackageStore store;

    @Inject
    Clock clock;

    @Inject
    SigningKey signingKey;

    /** The detail and summary files of the version, in its partial directory; {@code stopping} ends it early. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Written write(long runId, BooleanSupplier stopping) {
        SettlementRun run = progress.run(runId);
        Path dir = store.freshPartialDir(run.year(), run.version());
        try (Connection db = dataSource.getConnection()) {
            List<SummaryLine> summary = summary(db, runId);
            PackageTotals totals = new PackageTotals();
            PackageWriter writer = new PackageWriter(dir, run, clock.instant());
            try (writer) {
                streamDetail(db, runId, line -> {
                    totals.add(line.companyCode(), line.riddenAt().getMonthValue(), line.originalFen(), line.chargedFen(),
                            line.discountFen());
                    writer.detail(line);
                }, stopping);
                String disagreement = totals.disagreement(summary.stream()
                        .filter(l -> l.outcome() == Outcome.SUBSIDISED && l.month() > 0 && l.routeNo().isEmpty()).toList());
                if (disagreement != null) {
                    throw new IllegalStateException("明细与汇总不一致 / Detail and summary disagree: " + disagreement);
                }
                String reconciliation = againstRollUps(Year.of(run.year()), totals.all()) + "；"
                        + reconciliations.yearInWords(Year.of(run.year()));
                writer.summary(summary, totals.all(), reconciliation);
                return new Written(dir, totals.all(), summary, reconciliation);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The settlement basis could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The settlement files could not be written", e);
        }
    }

    /**
     * Seals the written package (manifest of SM3 digests signed with the card operator's SM2 key), moves it
     * to its final name and completes the version. Idempotent: a sealed version is left as it is.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void seal(long runId, Path partial, Totals subsidised) {
        SettlementRun run = progress.run(runId);
        if (run.status() == SettlementRun.Status.COMPLETED) {
            return;
        }
        Path target = store.finalDir(run.year(), run.version());
        String manifestSm3;
        try {
            manifestSm3 = PackageSeal.seal(partial, signingKey.privateKey());
            PackageStore.deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.sealed(runId, subsidised.rides(), subsidised.discountFen(), target.toString(), manifestSm3);
    }

    /** How the frozen basis compares with the nightly roll-ups of the same year (shown on the cover). */
    private String againstRollUps(Year year, Totals subsidised) {
        Totals rolled = rollUps.yearTotalsOf(year, Outcome.SUBSIDISED);
        if (rolled.equals(subsidised)) {
            return "与日汇总一致 / Agrees with the nightly roll-ups: " + subsidised.rides() + " rides";
        }
        return "与日汇总相差 / Differs from the nightly roll-ups (late changes since the last roll-up): basis "
                + subsidised + ", roll-ups " + rolled;
    }

    private static List<SummaryLine> summary(Connection db, long runId) throws SQLException {
        List<SummaryLine> lines = new ArrayList<>();
        // Per company × month (subsidised), per company × route (subsidised), and the excluded per company × outcome
        String sql = "SELECT company_code, MONTH(ridden_at), '', outcome, COUNT(*), SUM(original_fen), SUM(charged_fen),"
                + " SUM(discount_fen) FROM settlement_line WHERE run_id = ? AND outcome = 'SUBSIDISED'"
                + " GROUP BY company_code, MONTH(ridden_at), outcome"
                + " UNION ALL SELECT company_code, 0, route_no, outcome, COUNT(*), SUM(original_fen), SUM(charged_fen),"
                + " SUM(discount_fen) FROM settlement_line WHERE run_id = ? AND outcome = 'SUBSIDISED'"
                + " GROUP BY company_code, route_no, outcome"
                + " UNION ALL SELECT company_code, 0, '', outcome, COUNT(*), SUM(original_fen), SUM(charged_fen),"
                + " SUM(discount_fen) FROM settlement_line WHERE run_id = ? AND outcome <> 'SUBSIDISED'"
                + " GROUP BY company_code, outcome ORDER BY 1, 2, 3, 4";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, runId);
            query.setLong(2, runId);
            query.setLong(3, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    lines.add(new SummaryLine(row.getString(1), row.getInt(2), row.getString(3),
                            Outcome.valueOf(row.getString(4)), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)));
                }
            }
        }
        return lines;
    }

    private interface LineSink {
        void accept(DetailLine line) throws IOException;
    }

    private static void streamDetail(Connection db, long runId, LineSink sink, BooleanSupplier stopping)
            throws SQLException {
        // Streamed by the driver (fetch size MIN_VALUE), in trip order: memory stays flat for any year
        try (PreparedStatement query = db.prepareStatement("SELECT trip_id, ridden_at, company_code, route_no, device_id,"
                        + " payment_account_no, concession, policy_version_id, original_fen, charged_fen, discount_fen"
                        + " FROM settlement_line WHERE run_id = ? AND outcome = 'SUBSIDISED' ORDER BY trip_id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(Integer.MIN_VALUE);
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                long n = 0;
                while (row.next()) {
                    if ((++n & 0xFFF) == 0 && stopping.getAsBoolean()) {
                        throw new IllegalStateException("stopped");
                    }
                    long policy = row.getLong(8);
                    String ruleVersion = row.wasNull() ? "" : "P" + policy;
                    sink.accept(new DetailLine(row.getLong(1), row.getTimestamp(2).toLocalDateTime(), row.getString(3),
                            row.getString(4), row.getString(5), Masking.accountNumber(row.getString(6)), row.getString(7),
                            ruleVersion, row.getLong(9), row.getLong(10), row.getLong(11)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
