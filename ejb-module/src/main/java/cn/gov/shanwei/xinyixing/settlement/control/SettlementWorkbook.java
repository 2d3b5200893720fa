package cn.gov.shanwei.xinyixing.settlement.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The annual package as an Excel workbook, streamed with fastexcel (chosen over POI SXSSF by measurement: 4.5×
 * faster on the same million rows, with a flat heap; {@code bench/README.md}). The detail sheets are written to
 * one temporary file as they fill, a thousand rows at a time; the small sheets stay in memory until
 * {@link #finish}, which completes the file, copies it to its destination and deletes it ({@link #close()}
 * always deletes it). Sheets:
 * <ol>
 *   <li>{@value #COVER}: title, year, version, when it was generated, the totals, the rule versions, the subsidy
 *       rule itself ({@link Outcome#rule()}) and the reconciliation result;</li>
 *   <li>{@value #SUMMARY}: per company × month; {@value #ROUTES}: per company × route;
 *       {@value #EXCLUSIONS}: the rides not subsidised, with their reason;</li>
 *   <li>{@code 明细 Detail 1}, {@code 明细 Detail 2}, …: every subsidised ride, a new sheet after
 *       {@code rowsPerDetailSheet} rows, before Excel's limit of {@value #EXCEL_MAX_ROWS} rows a sheet.</li>
 * </ol>
 * Detail and summary lines may come in any order and interleaved; the cover is written by {@link #finish},
 * when its totals are known, and is still the first sheet. Amounts are numeric cells in yuan with two decimals
 * (written as exact decimals), so people can sum and filter them. Not thread-safe: one writer, one thread.
 */
public final class SettlementWorkbook implements AutoCloseable {

    public static final int EXCEL_MAX_ROWS = 1_048_576;
    public static final int DEFAULT_ROWS_PER_SHEET = 1_000_000;

    static final String COVER = "封面 Cover";
    static final String SUMMARY = "汇总 Summary";
    static final String ROUTES = "线路 Routes";
    static final String EXCLUSIONS = "未补贴 Exclusions";
    static final String DETAIL = "明细 Detail ";

    /**
     * The bound below which a fen amount is held by a cell without loss. The file holds the exact decimal, but
     * Excel reads a number as an IEEE double: below 2^53 fen the double nearest to the yuan value is read back
     * as the same two-decimal amount as long as the amount has at most 15 significant digits, Excel's own
     * precision, i.e. below 10^15 fen (ten thousand billion yuan). Above it two neighbouring fen could display
     * alike, so such an amount is refused, never rounded.
     */
    static final long MAX_EXACT_FEN = 1_000_000_000_000_000L;

    /** Detail rows kept in memory before they go to the temporary file. */
    private static final int FLUSH_EVERY = 1000;
    private static final String YUAN = "0.00";
    private static final String INTEGER = "0";
    private static final String TIME = "yyyy-mm-dd hh:mm:ss";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");
    private static final int MAX_RULE_VERSIONS_SHOWN = 50;

    private final Path temporary;
    private final OutputStream file;
    private final Workbook book;
    private final int rowsPerSheet;
    private final int year;
    private final int version;
    private final ZonedDateTime generatedAt;
    private final Worksheet cover;
    private final Worksheet summary;
    private final Worksheet routes;
    private final Worksheet exclusions;
    private Worksheet detail;
    private int detailSheets;
    private int detailRow;
    private long detailLines;
    private int summaryRow = 1;
    private int routeRow = 1;
    private int exclusionRow = 1;
    private long excludedRides;
    private final TreeSet<String> ruleVersions = new TreeSet<>();
    private boolean finished;
    private boolean closed;

    public SettlementWorkbook(int year, int version, ZonedDateTime generatedAt) {
        this(year, version, generatedAt, DEFAULT_ROWS_PER_SHEET);
    }

    /** @param rowsPerDetailSheet data rows per detail sheet (its header row not counted), 1 to 1,048,575 */
    public SettlementWorkbook(int year, int version, ZonedDateTime generatedAt, int rowsPerDetailSheet) {
        this(year, version, generatedAt, rowsPerDetailSheet, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param temporaryDir where the one temporary file is made (and always deleted) */
    public SettlementWorkbook(int year, int version, ZonedDateTime generatedAt, int rowsPerDetailSheet, Path temporaryDir) {
        if (rowsPerDetailSheet < 1 || rowsPerDetailSheet > EXCEL_MAX_ROWS - 1) {
            throw new IllegalArgumentException("rows per detail sheet must be 1 to " + (EXCEL_MAX_ROWS - 1));
        }
        this.rowsPerSheet = rowsPerDetailSheet;
        this.year = year;
        this.version = version;
        this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
        try {
            temporary = Files.createTempFile(temporaryDir, "settlement-", ".xlsx.part");
            file = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("The workbook's temporary file could not be made", e);
        }
        book = new Workbook(file, "Xinyixing", "1.0");
        cover = book.newWorksheet(COVER);
        summary = dataSheet(SUMMARY, List.of(Columns.COMPANY, Columns.MONTH, Columns.RIDES, Columns.ORIGINAL,
                Columns.CHARGED, Columns.DISCOUNT));
        routes = dataSheet(ROUTES, List.of(Columns.COMPANY, Columns.ROUTE, Columns.RIDES, Columns.ORIGINAL,
                Columns.CHARGED, Columns.DISCOUNT));
        exclusions = dataSheet(EXCLUSIONS, List.of(Columns.COMPANY, Columns.MONTH, Columns.ROUTE, Columns.OUTCOME,
                Columns.REASON, Columns.RIDES, Columns.ORIGINAL, Columns.CHARGED, Columns.DISCOUNT));
    }

    /** One subsidised ride. */
    public void detail(DetailLine line) {
        open();
        // Checked before anything of the line is written, so a refused line leaves no half row
        exact(line.originalFen(), line.chargedFen(), line.discountFen());
        if (detail == null || detailRow > rowsPerSheet) {
            nextDetailSheet();
        }
        int r = detailRow++;
        int c = 0;
        id(detail, r, c++, line.tripId());
        detail.value(r, c, line.riddenAt());
        detail.style(r, c++).format(TIME).set();
        detail.value(r, c++, line.companyCode());
        detail.value(r, c++, line.routeNo());
        detail.value(r, c++, line.deviceId());
        detail.value(r, c++, line.maskedAccount());
        detail.value(r, c++, line.concession());
        detail.value(r, c++, line.ruleVersion());
        yuan(detail, r, c++, line.originalFen());
        yuan(detail, r, c++, line.chargedFen());
        yuan(detail, r, c, line.discountFen());
        detailLines++;
        if (ruleVersions.size() <= MAX_RULE_VERSIONS_SHOWN) {
            ruleVersions.add(line.ruleVersion());
        }
        if (r % FLUSH_EVERY == 0) {
            try {
                detail.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The workbook's temporary file could not be written", e);
            }
        }
    }

    /**
     * One summary line, on the sheet its kind belongs to: not subsidised → exclusions; with a route → routes;
     * otherwise (per month) → summary.
     */
    public void summary(SummaryLine line) {
        open();
        exact(line.originalFen(), line.chargedFen(), line.discountFen());
        Worksheet sheet;
        int r;
        int c = 0;
        if (line.outcome() != Outcome.SUBSIDISED) {
            sheet = exclusions;
            r = exclusionRow++;
            sheet.value(r, c++, line.companyCode());
            month(sheet, r, c++, line.month());
            sheet.value(r, c++, line.routeNo());
            sheet.value(r, c++, line.outcome().name());
            sheet.value(r, c++, line.outcome().description());
            excludedRides = Math.addExact(excludedRides, line.rides());
        } else if (!line.routeNo().isEmpty()) {
            sheet = routes;
            r = routeRow++;
            sheet.value(r, c++, line.companyCode());
            sheet.value(r, c++, line.routeNo());
        } else {
            sheet = summary;
            r = summaryRow++;
            sheet.value(r, c++, line.companyCode());
            month(sheet, r, c++, line.month());
        }
        count(sheet, r, c++, line.rides());
        yuan(sheet, r, c++, line.originalFen());
        yuan(sheet, r, c++, line.chargedFen());
        yuan(sheet, r, c, line.discountFen());
    }

    /**
     * Completes the workbook, copies it to {@code out} (not closed), then deletes the temporary file.
     *
     * @param subsidised     the totals of the subsidised rides, as held against the summary
     * @param reconciliation the reconciliation result in words, as people should read it on the cover
     */
    public void finish(Totals subsidised, String reconciliation, OutputStream out) throws IOException {
        open();
        finished = true;
        try {
            if (detail == null) {
                nextDetailSheet();
            }
            // The detail's sheet is the one being streamed: it is completed before the others are written
            finishDetail();
            filter(summary, summaryRow, 6);
            filter(routes, routeRow, 6);
            filter(exclusions, exclusionRow, 9);
            writeCover(subsidised, reconciliation);
            for (Worksheet sheet : List.of(summary, routes, exclusions, cover)) {
                sheet.finish();
            }
            book.finish();
            file.close();
            Files.copy(temporary, out);
        } finally {
            close();
        }
    }

    /** Detail rows written so far. */
    public long detailLines() {
        return detailLines;
    }

    /** Deletes the temporary file; safe to call more than once, and after {@link #finish}. */
    @Override
    public void close() throws IOException {
        finished = true;
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.close();
        } catch (IOException e) {
            // The file is deleted whether or not its last bytes could be written
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeCover(Totals subsidised, String reconciliation) {
        exact(subsidised.originalFen(), subsidised.chargedFen(), subsidised.discountFen());
        cover.value(0, 0, "汕尾市信易行 " + year + "年度善美码乘车优惠明细及汇总 / Shanwei Xinyixing "
                + year + ": 善美码 ride concessions, detail and summary");
        cover.style(0, 0).bold().fontSize(14).set();
        int r = 2;
        label(r, "年度 Year");
        cover.value(r, 1, year);
        label(++r, "版本 Version");
        cover.value(r, 1, version);
        label(++r, "生成时间 Generated at");
        cover.value(r, 1, GENERATED.format(generatedAt));
        label(++r, "补贴乘次 Subsidised rides");
        count(cover, r, 1, subsidised.rides());
        label(++r, Columns.ORIGINAL + " 合计 total");
        yuan(cover, r, 1, subsidised.originalFen());
        label(++r, Columns.CHARGED + " 合计 total");
        yuan(cover, r, 1, subsidised.chargedFen());
        label(++r, "应补贴金额（优惠合计，元） Subsidy due (discount total, yuan)");
        yuan(cover, r, 1, subsidised.discountFen());
        label(++r, "未补贴乘次 Rides not subsidised");
        count(cover, r, 1, excludedRides);
        String versions = ruleVersions.size() > MAX_RULE_VERSIONS_SHOWN
                ? String.join(", ", ruleVersions.headSet(ruleVersions.last())) + ", …"
                : String.join(", ", ruleVersions);
        label(++r, "规则版本 Rule version(s)");
        cover.value(r, 1, versions);
        label(++r, "对账结果 Reconciliation");
        cover.value(r, 1, reconciliation);
        label(++r, "明细工作表 Detail sheets");
        cover.value(r, 1, detailSheets + " 张，每张至多 " + rowsPerSheet + " 行 / " + detailSheets + " sheet(s) of at most "
                + rowsPerSheet + " rows");
        r++;
        label(++r, "补贴规则 Subsidy rule");
        cover.value(r, 1, "按下列顺序判定，仅 SUBSIDISED 计入补贴 / decided in this order; only SUBSIDISED is claimed");
        for (String line : Outcome.rule().split("\n")) {
            cover.value(++r, 1, line);
        }
        cover.width(0, 52);
        cover.width(1, 110);
    }

    private void label(int r, String text) {
        cover.value(r, 0, text);
        cover.style(r, 0).bold().set();
    }

    private void nextDetailSheet() {
        if (detail != null) {
            finishDetail();
        }
        detail = dataSheet(DETAIL + (++detailSheets), Columns.DETAIL);
        detailRow = 1;
    }

    private void finishDetail() {
        filter(detail, detailRow, Columns.DETAIL.size());
        try {
            detail.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("The workbook's temporary file could not be written", e);
        }
    }

    private Worksheet dataSheet(String name, List<String> headings) {
        Worksheet sheet = book.newWorksheet(name);
        for (int c = 0; c < headings.size(); c++) {
            sheet.value(0, c, headings.get(c));
            sheet.style(0, c).bold().set();
            // Set, not measured: auto-sizing would need every row in memory.
            sheet.width(c, width(headings.get(c)));
        }
        sheet.freezePane(0, 1);
        return sheet;
    }

    /** Columns of a heading: Chinese characters are twice as wide as Latin ones. */
    private static int width(String heading) {
        int width = 2;
        for (int i = 0; i < heading.length(); i++) {
            width += heading.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return Math.min(width, 255);
    }

    private static void filter(Worksheet sheet, int rows, int columns) {
        sheet.setAutoFilter(0, 0, Math.max(0, rows - 1), columns - 1);
    }

    /** An amount already held to {@link #MAX_EXACT_FEN} by {@link #exact}. */
    private static void yuan(Worksheet sheet, int r, int c, long fen) {
        sheet.value(r, c, Yuan.of(fen));
        sheet.style(r, c).format(YUAN).set();
    }

    /** Yuan as the double a spreadsheet reads; see {@link #MAX_EXACT_FEN} for why this loses nothing. */
    static double cellYuan(long fen) {
        exact(fen);
        return Yuan.of(fen).doubleValue();
    }

    /** Refuses an amount a spreadsheet could not hold to the fen ({@link #MAX_EXACT_FEN}); a plain comparison per amount. */
    private static void exact(long... fens) {
        for (long fen : fens) {
            if (fen >= MAX_EXACT_FEN || fen <= -MAX_EXACT_FEN) {
                throw new IllegalArgumentException("金额超出表格可精确表示的范围 / amount beyond what a cell holds exactly: "
                        + fen + " fen");
            }
        }
    }

    private static void count(Worksheet sheet, int r, int c, long value) {
        sheet.value(r, c, value);
        sheet.style(r, c).format(INTEGER).set();
    }

    private static void id(Worksheet sheet, int r, int c, long value) {
        // A number so people can sort and look up ids; one past Excel's 15 digits would show wrong, so as text.
        if (Math.abs(value) < MAX_EXACT_FEN) {
            count(sheet, r, c, value);
        } else {
            sheet.value(r, c, Long.toString(value));
        }
    }

    /** A month, or a blank cell for a line of the whole year (blank, not absent, so columns stay in place). */
    private static void month(Worksheet sheet, int r, int c, int month) {
        if (month != 0) {
            sheet.value(r, c, month);
        } else {
            sheet.style(r, c).format(INTEGER).set();
        }
    }

    private void open() {
        if (finished) {
            throw new IllegalStateException("the workbook is finished or closed");
        }
    }
}
