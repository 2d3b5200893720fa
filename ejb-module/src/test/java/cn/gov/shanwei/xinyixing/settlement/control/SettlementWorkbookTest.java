package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettlementWorkbookTest {

    private static final ZonedDateTime GENERATED = ZonedDateTime.of(2027, 1, 2, 2, 0, 5, 0, ZoneId.of("Asia/Shanghai"));

    private static DetailLine ride(long id) {
        return new DetailLine(id, LocalDateTime.of(2026, 1 + (int) (id % 12), 3, 7, 30, (int) (id % 60)), "SW0" + (id % 2),
                "R" + (id % 7), "BUS-" + id, "6222****" + (1000 + id), "VOLUNTEER", id % 3 == 0 ? "P2" : "P1",
                200 + id, 100, 100 + id);
    }

    private static XSSFWorkbook written(SettlementWorkbook book, Totals totals, String reconciliation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.finish(totals, reconciliation, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> row(Sheet sheet, int r) {
        List<String> cells = new ArrayList<>();
        sheet.getRow(r).forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC
                ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                : cell.getStringCellValue()));
        return cells;
    }

    @Test
    void theDetailRollsOverToANewSheetAtTheLimit() throws Exception {
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, 5);
             XSSFWorkbook read = written(fill(book, 12), Totals.NONE, "")) {

            assertEquals(List.of("封面 Cover", "汇总 Summary", "线路 Routes", "未补贴 Exclusions",
                    "明细 Detail 1", "明细 Detail 2", "明细 Detail 3"), sheetNames(read));
            long expectedId = 1;
            for (int s = 1; s <= 3; s++) {
                Sheet sheet = read.getSheet("明细 Detail " + s);
                assertEquals(Columns.DETAIL, row(sheet, 0));
                int dataRows = s < 3 ? 5 : 2;
                assertEquals(dataRows, sheet.getLastRowNum());
                for (int r = 1; r <= dataRows; r++) {
                    assertEquals(expectedId++, (long) sheet.getRow(r).getCell(0).getNumericCellValue());
                }
            }
            assertEquals(13, expectedId, "every ride once, in order");
            assertEquals(12, book.detailLines());
        }
    }

    @Test
    void exactlyFullSheetsLeaveNoEmptyOneAndNoDetailStillGivesTheHeadings() throws Exception {
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, 5);
             XSSFWorkbook read = written(fill(book, 10), Totals.NONE, "")) {
            assertEquals(List.of("明细 Detail 1", "明细 Detail 2"), sheetNames(read).subList(4, 6));
            assertEquals(6, read.getNumberOfSheets());
        }
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, 5);
             XSSFWorkbook read = written(book, Totals.NONE, "")) {
            assertEquals(Columns.DETAIL, row(read.getSheet("明细 Detail 1"), 0));
            assertEquals(0, read.getSheet("明细 Detail 1").getLastRowNum());
        }
    }

    @Test
    void detailCellsAreTypedAmountsInYuanWithTwoDecimals() throws Exception {
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED)) {
            book.detail(new DetailLine(42, LocalDateTime.of(2026, 5, 4, 8, 9, 10), "SW01", "12路", "BUS-0042",
                    "6222****0042", "BLOOD_DONOR", "P1", 250, 125, 125));
            try (XSSFWorkbook read = written(book, Totals.NONE, "")) {
                Row row = read.getSheet("明细 Detail 1").getRow(1);
                assertEquals(42, row.getCell(0).getNumericCellValue());
                assertEquals(LocalDateTime.of(2026, 5, 4, 8, 9, 10), row.getCell(1).getLocalDateTimeCellValue());
                assertEquals("yyyy-mm-dd hh:mm:ss", row.getCell(1).getCellStyle().getDataFormatString());
                assertEquals(List.of("SW01", "12路", "BUS-0042", "6222****0042", "BLOOD_DONOR", "P1"),
                        row(read.getSheet("明细 Detail 1"), 1).subList(2, 8));
                for (int c = 8; c <= 10; c++) {
                    Cell cell = row.getCell(c);
                    assertEquals(CellType.NUMERIC, cell.getCellType());
                    assertEquals("0.00", cell.getCellStyle().getDataFormatString());
                }
                assertEquals(2.50, row.getCell(8).getNumericCellValue());
                assertEquals(1.25, row.getCell(10).getNumericCellValue());
            }
        }
    }

    @Test
    void summaryLinesGoToTheSheetOfTheirKind() throws Exception {
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED)) {
            book.summary(new SummaryLine("SW01", 1, "", Outcome.SUBSIDISED, 3, 600, 300, 300));
            book.summary(new SummaryLine("SW01", 0, "12路", Outcome.SUBSIDISED, 3, 600, 300, 300));
            book.summary(new SummaryLine("SW01", 0, "", Outcome.FLAGGED, 2, 400, 200, 200));
            book.summary(new SummaryLine("SW02", 0, "", Outcome.REFUSED, 5, 1000, 0, 0));
            try (XSSFWorkbook read = written(book, Totals.NONE, "")) {
                assertEquals(List.of(Columns.COMPANY, Columns.MONTH, Columns.RIDES, Columns.ORIGINAL, Columns.CHARGED,
                        Columns.DISCOUNT), row(read.getSheet("汇总 Summary"), 0));
                assertEquals(List.of("SW01", "1", "3", "6", "3", "3"), row(read.getSheet("汇总 Summary"), 1));
                assertEquals(List.of("SW01", "12路", "3", "6", "3", "3"), row(read.getSheet("线路 Routes"), 1));
                Sheet exclusions = read.getSheet("未补贴 Exclusions");
                assertEquals(List.of("SW01", "", "", "FLAGGED", Outcome.FLAGGED.description(), "2", "4", "2", "2"),
                        row(exclusions, 1));
                assertEquals("REFUSED", exclusions.getRow(2).getCell(3).getStringCellValue());
                assertEquals(CellType.BLANK, exclusions.getRow(2).getCell(1).getCellType(), "not per month");
                assertEquals(1, read.getSheet("汇总 Summary").getLastRowNum());
            }
        }
    }

    @Test
    void theCoverCarriesTitleTotalsRuleAndReconciliation() throws Exception {
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 3, GENERATED, 5)) {
            fill(book, 7);
            book.summary(new SummaryLine("SW01", 0, "", Outcome.FLAGGED, 4, 800, 400, 400));
            Totals totals = new Totals(7, 123_456_789, 61_728_394, 61_728_395);
            try (XSSFWorkbook read = written(book, totals, "三方一致 / All three agree")) {
                Sheet cover = read.getSheetAt(0);
                assertEquals("汕尾市信易行 2026年度善美码乘车优惠明细及汇总 / Shanwei Xinyixing 2026: 善美码 ride concessions,"
                        + " detail and summary", cover.getRow(0).getCell(0).getStringCellValue());
                assertEquals(List.of("年度 Year", "2026"), row(cover, 2));
                assertEquals(List.of("版本 Version", "3"), row(cover, 3));
                assertEquals(List.of("生成时间 Generated at", "2027-01-02 02:00:05 +08:00 (Asia/Shanghai)"), row(cover, 4));
                assertEquals(List.of("补贴乘次 Subsidised rides", "7"), row(cover, 5));
                assertEquals(1_234_567.89, cover.getRow(6).getCell(1).getNumericCellValue());
                assertEquals("0.00", cover.getRow(6).getCell(1).getCellStyle().getDataFormatString());
                assertEquals(617_283.94, cover.getRow(7).getCell(1).getNumericCellValue());
                assertEquals(List.of("应补贴金额（优惠合计，元） Subsidy due (discount total, yuan)", "617283.95"), row(cover, 8));
                assertEquals(List.of("未补贴乘次 Rides not subsidised", "4"), row(cover, 9));
                assertEquals(List.of("规则版本 Rule version(s)", "P1, P2"), row(cover, 10));
                assertEquals(List.of("对账结果 Reconciliation", "三方一致 / All three agree"), row(cover, 11));
                assertTrue(row(cover, 12).get(1).startsWith("2 张"), row(cover, 12).toString());
                List<String> rule = new ArrayList<>();
                for (int r = 15; r <= cover.getLastRowNum(); r++) {
                    rule.add(cover.getRow(r).getCell(1).getStringCellValue());
                }
                assertEquals(List.of(Outcome.rule().split("\n")), rule);
                assertEquals("补贴规则 Subsidy rule", cover.getRow(14).getCell(0).getStringCellValue());
            }
        }
    }

    @Test
    void aYuanCellIsExactlyTheFenAmountBelowTheBound() {
        Random random = new Random(53);
        List<Long> fens = new ArrayList<>(List.of(0L, 1L, -1L, 5L, 10L, 99L, 12_345L, 1L << 40, 1L << 49,
                SettlementWorkbook.MAX_EXACT_FEN - 1, -(SettlementWorkbook.MAX_EXACT_FEN - 1)));
        random.longs(100_000, 0, SettlementWorkbook.MAX_EXACT_FEN).forEach(fens::add);
        for (long fen : fens) {
            double cell = SettlementWorkbook.cellYuan(fen);
            BigDecimal exact = Yuan.of(fen);
            // What any reader gets back: rounding the stored double to cents, or to Excel's 15 digits
            assertEquals(exact, new BigDecimal(cell).setScale(2, RoundingMode.HALF_EVEN), () -> "fen " + fen);
            assertEquals(0, exact.compareTo(new BigDecimal(cell).round(new MathContext(15))), () -> "fen " + fen);
            assertEquals(fen / 100.0, cell, "the nearest double to the yuan amount");
        }
        assertThrows(IllegalArgumentException.class, () -> SettlementWorkbook.cellYuan(SettlementWorkbook.MAX_EXACT_FEN));
        assertThrows(IllegalArgumentException.class, () -> SettlementWorkbook.cellYuan(Long.MIN_VALUE));
    }

    @Test
    void theRowLimitMustFitExcel() {
        assertThrows(IllegalArgumentException.class, () -> new SettlementWorkbook(2026, 1, GENERATED, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SettlementWorkbook(2026, 1, GENERATED, SettlementWorkbook.EXCEL_MAX_ROWS));
    }

    @Test
    void aFinishedWorkbookTakesNoMoreLines() throws Exception {
        SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED);
        written(book, Totals.NONE, "").close();
        assertThrows(IllegalStateException.class, () -> book.detail(ride(1)));
        book.close();
    }

    // ---------------------------------------------------------------- temporary files

    /** The workbook's temporary file is made here, so it can be counted. */
    @TempDir
    Path temp;

    private long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void noTemporaryFileIsLeftWhenALineFailsHalfWay() throws Exception {
        try (SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, 5, temp)) {
            fill(book, 12);
            assertEquals(1, temporaryFiles(), "the temporary file is where this test looks");
            assertThrows(IllegalArgumentException.class, () -> book.detail(new DetailLine(13, LocalDateTime.now(),
                    "SW01", "1", "D", "A", "C", "P1", SettlementWorkbook.MAX_EXACT_FEN, 0, 0)));
        }
        assertEquals(0, temporaryFiles());
    }

    @Test
    void noTemporaryFileIsLeftWhenTheOutputFailsHalfWay() throws Exception {
        OutputStream failing = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 4096) {
                    throw new IOException("disk full");
                }
            }
        };
        SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, 500, temp);
        fill(book, 3000);
        assertEquals(1, temporaryFiles());
        IOException e = assertThrows(IOException.class, () -> book.finish(Totals.NONE, "", failing));
        assertEquals("disk full", e.getMessage());
        // no close() here: finish cleans up by itself when it fails
        assertEquals(0, temporaryFiles());
    }

    @Test
    void noTemporaryFileIsLeftAfterASuccessfulWrite() throws Exception {
        SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, 5, temp);
        fill(book, 12);
        book.finish(Totals.NONE, "", OutputStream.nullOutputStream());
        assertEquals(0, temporaryFiles());
    }

    private static SettlementWorkbook fill(SettlementWorkbook book, int rides) {
        for (int id = 1; id <= rides; id++) {
            book.detail(ride(id));
        }
        return book;
    }
}
