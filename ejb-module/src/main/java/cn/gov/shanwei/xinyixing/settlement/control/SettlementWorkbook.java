package cn.gov.shanwei.xinyixing.settlement.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The annual package as an Excel workbook, streamed with POI's SXSSF: only a window of rows per sheet is in
 * memory, the rest goes to temporary files that {@link #close()} (and {@link #finish}) always delete. Sheets:
 * <ol>
 *   <li>{@value #COVER}: title, year, version, when it was generated, the totals, the rule versions, the subsidy
 *       rule itself ({@link Outcome#rule()}) and the reconciliation result;</li>
 *   <li>{@value #SUMMARY}: per company × month; {@value #ROUTES}: per company × route;
 *       {@value #EXCLUSIONS}: the rides not subsidised, with their reason;</li>
 *   <li>{@code 明细 Detail 1}, {@code 明细 Detail 2}, …: every subsidised ride, a new sheet after
 *       {@code rowsPerDetailSheet} rows, before Excel's limit of {@value #EXCEL_MAX_ROWS} rows a sheet.</li>
 * </ol>
 * Detail and summary lines may come in any order and interleaved; the cover is written by {@link #finish},
 * when its totals are known, and is still the first sheet. Amounts are numeric cells in yuan with two decimals,
 * so people can sum and filter them. Not thread-safe: one writer, one thread.
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
     * The bound below which a fen amount is written to a cell without loss. POI (and the file format) store a
     * number as an IEEE double, so yuan must become a double at the cell. Below 2^53 fen the conversion
     * {@code fen / 100.0} is the double nearest to the exact yuan value (fen is an exact double, and IEEE division
     * is correctly rounded); that double is read back as the same two-decimal amount as long as the amount has at
     * most 15 significant digits, Excel's own precision, i.e. below 10^15 fen (ten thousand billion yuan).
     * Above it two neighbouring fen could display alike, so such an amount is refused, never rounded.
     */
    static final long MAX_EXACT_FEN = 1_000_000_000_000_000L;

    /** Rows of each sheet kept in memory before they go to the sheet's temporary file. */
    private static final int WINDOW = 200;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");
    private static final int MAX_RULE_VERSIONS_SHOWN = 50;

    private final SXSSFWorkbook book;
    private final int rowsPerSheet;
    private final int year;
    private final int version;
    private final ZonedDateTime generatedAt;
    private final Styles styles;
    private final Sheet cover;
    private final Sheet summary;
    private final Sheet routes;
    private final Sheet exclusions;
    private Sheet detail;
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
        if (rowsPerDetailSheet < 1 || rowsPerDetailSheet > EXCEL_MAX_ROWS - 1) {
            throw new IllegalArgumentException("rows per detail sheet must be 1 to " + (EXCEL_MAX_ROWS - 1));
        }
        this.rowsPerSheet = rowsPerDetailSheet;
        this.year = year;
        this.version = version;
        this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
        this.book = new SXSSFWorkbook(WINDOW);
        try {
            // A year's detail as uncompressed sheet XML is gigabytes of temporary file; gzip is about a tenth.
            book.setCompressTempFiles(true);
            styles = new Styles(book);
            cover = book.createSheet(COVER);
            summary = dataSheet(SUMMARY, List.of(Columns.COMPANY, Columns.MONTH, Columns.RIDES, Columns.ORIGINAL,
                    Columns.CHARGED, Columns.DISCOUNT));
            routes = dataSheet(ROUTES, List.of(Columns.COMPANY, Columns.ROUTE, Columns.RIDES, Columns.ORIGINAL,
                    Columns.CHARGED, Columns.DISCOUNT));
            exclusions = dataSheet(EXCLUSIONS, List.of(Columns.COMPANY, Columns.MONTH, Columns.ROUTE, Columns.OUTCOME,
                    Columns.REASON, Columns.RIDES, Columns.ORIGINAL, Columns.CHARGED, Columns.DISCOUNT));
        } catch (RuntimeException e) {
            book.dispose();
            throw e;
        }
    }

    /** One subsidised ride. */
    public void detail(DetailLine line) {
        open();
        if (detail == null || detailRow > rowsPerSheet) {
            nextDetailSheet();
        }
        Row row = detail.createRow(detailRow++);
        int c = 0;
        id(row, c++, line.tripId());
        row.createCell(c).setCellValue(line.riddenAt());
        row.getCell(c++).setCellStyle(styles.time);
        row.createCell(c++).setCellValue(line.companyCode());
        row.createCell(c++).setCellValue(line.routeNo());
        row.createCell(c++).setCellValue(line.deviceId());
        row.createCell(c++).setCellValue(line.maskedAccount());
        row.createCell(c++).setCellValue(line.concession());
        row.createCell(c++).setCellValue(line.ruleVersion());
        yuan(row, c++, line.originalFen());
        yuan(row, c++, line.chargedFen());
        yuan(row, c, line.discountFen());
        detailLines++;
        if (ruleVersions.size() <= MAX_RULE_VERSIONS_SHOWN) {
            ruleVersions.add(line.ruleVersion());
        }
    }

    /**
     * One summary line, on the sheet its kind belongs to: not subsidised → exclusions; with a route → routes;
     * otherwise (per month) → summary.
     */
    public void summary(SummaryLine line) {
        open();
        Row row;
        int c = 0;
        if (line.outcome() != Outcome.SUBSIDISED) {
            row = exclusions.createRow(exclusionRow++);
            row.createCell(c++).setCellValue(line.companyCode());
            month(row, c++, line.month());
            row.createCell(c++).setCellValue(line.routeNo());
            row.createCell(c++).setCellValue(line.outcome().name());
            row.createCell(c++).setCellValue(line.outcome().description());
            excludedRides = Math.addExact(excludedRides, line.rides());
        } else if (!line.routeNo().isEmpty()) {
            row = routes.createRow(routeRow++);
            row.createCell(c++).setCellValue(line.companyCode());
            row.createCell(c++).setCellValue(line.routeNo());
        } else {
            row = summary.createRow(summaryRow++);
            row.createCell(c++).setCellValue(line.companyCode());
            month(row, c++, line.month());
        }
        count(row, c++, line.rides());
        yuan(row, c++, line.originalFen());
        yuan(row, c++, line.chargedFen());
        yuan(row, c, line.discountFen());
    }

    /**
     * Writes the cover and the whole workbook to {@code out} (not closed), then deletes the temporary files.
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
            filter(detail, detailRow, Columns.DETAIL.size());
            filter(summary, summaryRow, 6);
            filter(routes, routeRow, 6);
            filter(exclusions, exclusionRow, 9);
            writeCover(subsidised, reconciliation);
            book.write(out);
        } finally {
            close();
        }
    }

    /** Detail rows written so far. */
    public long detailLines() {
        return detailLines;
    }

    /** Deletes the temporary files; safe to call more than once, and after {@link #finish}. */
    @Override
    public void close() throws IOException {
        finished = true;
        if (closed) {
            return;
        }
        closed = true;
        try {
            book.dispose();
        } finally {
            book.close();
        }
    }

    private void writeCover(Totals subsidised, String reconciliation) {
        Row title = cover.createRow(0);
        title.createCell(0).setCellValue("汕尾市信易行 " + year + "年度善美码乘车优惠明细及汇总 / Shanwei Xinyixing "
                + year + ": 善美码 ride concessions, detail and summary");
        title.getCell(0).setCellStyle(styles.title);
        int r = 2;
        label(r, "年度 Year").createCell(1).setCellValue(year);
        label(++r, "版本 Version").createCell(1).setCellValue(version);
        label(++r, "生成时间 Generated at").createCell(1).setCellValue(GENERATED.format(generatedAt));
        count(label(++r, "补贴乘次 Subsidised rides"), 1, subsidised.rides());
        yuan(label(++r, Columns.ORIGINAL + " 合计 total"), 1, subsidised.originalFen());
        yuan(label(++r, Columns.CHARGED + " 合计 total"), 1, subsidised.chargedFen());
        yuan(label(++r, "应补贴金额（优惠合计，元） Subsidy due (discount total, yuan)"), 1, subsidised.discountFen());
        count(label(++r, "未补贴乘次 Rides not subsidised"), 1, excludedRides);
        String versions = ruleVersions.size() > MAX_RULE_VERSIONS_SHOWN
                ? String.join(", ", ruleVersions.headSet(ruleVersions.last())) + ", …"
                : String.join(", ", ruleVersions);
        label(++r, "规则版本 Rule version(s)").createCell(1).setCellValue(versions);
        label(++r, "对账结果 Reconciliation").createCell(1).setCellValue(reconciliation);
        label(++r, "明细工作表 Detail sheets").createCell(1).setCellValue(detailSheets + " 张，每张至多 " + rowsPerSheet
                + " 行 / " + detailSheets + " sheet(s) of at most " + rowsPerSheet + " rows");
        r++;
        Row rule = label(++r, "补贴规则 Subsidy rule");
        rule.createCell(1).setCellValue("按下列顺序判定，仅 SUBSIDISED 计入补贴 / decided in this order; only SUBSIDISED is claimed");
        for (String line : Outcome.rule().split("\n")) {
            cover.createRow(++r).createCell(1).setCellValue(line);
        }
        cover.setColumnWidth(0, 52 * 256);
        cover.setColumnWidth(1, 110 * 256);
    }

    private Row label(int r, String text) {
        Row row = cover.createRow(r);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(styles.header);
        return row;
    }

    private void nextDetailSheet() {
        if (detail != null) {
            filter(detail, detailRow, Columns.DETAIL.size());
        }
        detail = dataSheet(DETAIL + (++detailSheets), Columns.DETAIL);
        detailRow = 1;
    }

    private Sheet dataSheet(String name, List<String> headings) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < headings.size(); c++) {
            header.createCell(c).setCellValue(headings.get(c));
            header.getCell(c).setCellStyle(styles.header);
            // Set, not measured: auto-sizing would need every row in memory.
            sheet.setColumnWidth(c, width(headings.get(c)) * 256);
        }
        sheet.createFreezePane(0, 1);
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

    private static void filter(Sheet sheet, int rows, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    private void yuan(Row row, int c, long fen) {
        row.createCell(c).setCellValue(cellYuan(fen));
        row.getCell(c).setCellStyle(styles.yuan);
    }

    /** Yuan as the double a cell holds; see {@link #MAX_EXACT_FEN} for why this loses nothing. */
    static double cellYuan(long fen) {
        if (fen >= MAX_EXACT_FEN || fen <= -MAX_EXACT_FEN) {
            throw new IllegalArgumentException("金额超出表格可精确表示的范围 / amount beyond what a cell holds exactly: "
                    + fen + " fen");
        }
        return Yuan.of(fen).doubleValue();
    }

    private void count(Row row, int c, long value) {
        row.createCell(c).setCellValue(value);
        row.getCell(c).setCellStyle(styles.integer);
    }

    private void id(Row row, int c, long value) {
        // A number so people can sort and look up ids; one past Excel's 15 digits would show wrong, so as text.
        if (Math.abs(value) < MAX_EXACT_FEN) {
            count(row, c, value);
        } else {
            row.createCell(c).setCellValue(Long.toString(value));
        }
    }

    private void month(Row row, int c, int month) {
        if (month == 0) {
            row.createCell(c).setBlank();
        } else {
            row.createCell(c).setCellValue(month);
        }
    }

    private void open() {
        if (finished) {
            throw new IllegalStateException("the workbook is finished or closed");
        }
    }

    /** Styles are per workbook and limited in number, so they are made once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle yuan;
        final CellStyle integer;
        final CellStyle time;

        Styles(SXSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            var format = book.createDataFormat();
            yuan = book.createCellStyle();
            yuan.setDataFormat(format.getFormat("0.00"));
            integer = book.createCellStyle();
            integer.setDataFormat(format.getFormat("0"));
            time = book.createCellStyle();
            time.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
