package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.settlement.control.DetailCsv;
import cn.gov.shanwei.xinyixing.settlement.control.DetailLine;
import cn.gov.shanwei.xinyixing.settlement.control.SettlementWorkbook;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import cn.gov.shanwei.xinyixing.settlement.control.Yuan;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Time and heap of writing the annual detail: {@code bench.rows} (1,000,000) generated {@link DetailLine}s, never
 * held, written as the package's CSV ({@link DetailCsv}), as its workbook ({@link SettlementWorkbook}, fastexcel
 * through one temporary file), and, to keep the choice of library measured, the same eleven columns written with
 * bare POI SXSSF (plain temporary files) and with bare fastexcel.
 *
 * <p>Heap is measured two ways: the peak "used" of the heap pools (includes garbage not yet collected, so it
 * mostly shows how much of {@code -Xmx} the collector let fill) and the largest heap in use right after a
 * collection (the live set: what streaming must keep flat). Run under the heap limit the script gives
 * ({@code -Xmx256m} unless {@code BENCH_HEAP} says otherwise). Each writer first writes 100,000 rows unmeasured
 * to warm up the JIT.
 */
public final class PackageFilesBench {

    private static final AtomicLong maxAfterGc = new AtomicLong();
    private static final ZonedDateTime GENERATED = ZonedDateTime.of(2027, 1, 2, 2, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    private interface Writer {
        void write(long rows, Path file, Path poiTemp) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("bench.rows", 1_000_000);
        watchCollections();
        Path dir = Files.createTempDirectory("package-files-bench");
        out("heap limit %d MB, %d rows, files in %s", Runtime.getRuntime().maxMemory() >> 20, rows, dir);
        try {
            measure("csv DetailCsv", rows, dir, PackageFilesBench::csv);
            measure("xlsx SettlementWorkbook (fastexcel, one temp file)", rows, dir, PackageFilesBench::workbook);
            measure("xlsx bare POI SXSSF (plain temp)", rows, dir, PackageFilesBench::barePoi);
            measure("xlsx fastexcel", rows, dir, PackageFilesBench::fastexcel);
        } finally {
            deleteTree(dir);
        }
    }

    private static void measure(String name, long rows, Path dir, Writer writer) throws Exception {
        Path warm = dir.resolve("warm");
        Path temp = Files.createDirectories(dir.resolve("poi-temp"));
        writer.write(100_000, warm, temp);
        Files.delete(warm);

        Path file = dir.resolve("out");
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        maxAfterGc.set(0);
        long start = System.nanoTime();
        writer.write(rows, file, temp);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long left = countFiles(temp);
        out("RESULT %-48s %7.1f s  %9.0f rows/s  file %6.1f MB  peak heap used %4d MB  max live after GC %4d MB"
                        + "  temp files left %d",
                name, seconds, rows / seconds, Files.size(file) / 1e6, peak >> 20, maxAfterGc.get() >> 20, left);
        Files.delete(file);
        deleteTree(temp);
    }

    // ---------------------------------------------------------------- the writers

    private static void csv(long rows, Path file, Path poiTemp) throws IOException {
        try (DetailCsv csv = new DetailCsv(Files.newOutputStream(file))) {
            for (long i = 1; i <= rows; i++) {
                csv.write(line(i));
            }
        }
    }

    private static void workbook(long rows, Path file, Path temp) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             SettlementWorkbook book = new SettlementWorkbook(2026, 1, GENERATED, SettlementWorkbook.DEFAULT_ROWS_PER_SHEET,
                     temp)) {
            long original = 0;
            long charged = 0;
            long discount = 0;
            for (long i = 1; i <= rows; i++) {
                DetailLine line = line(i);
                book.detail(line);
                original += line.originalFen();
                charged += line.chargedFen();
                discount += line.discountFen();
            }
            if (rows > 100_000) {
                out("      temporary file before finishing: %.1f MB", treeSize(temp) / 1e6);
            }
            book.finish(new Totals(rows, original, charged, discount), "bench", out);
        }
    }

    private static void barePoi(long rows, Path file, Path poiTemp) throws IOException {
        TempFile.withStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()), () -> {
            SXSSFWorkbook book = new SXSSFWorkbook(200);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                CellStyle yuan = book.createCellStyle();
                yuan.setDataFormat(book.createDataFormat().getFormat("0.00"));
                CellStyle time = book.createCellStyle();
                time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
                Sheet sheet = book.createSheet("detail");
                for (long i = 1; i <= rows; i++) {
                    DetailLine line = line(i);
                    Row row = sheet.createRow((int) i);
                    row.createCell(0).setCellValue(line.tripId());
                    row.createCell(1).setCellValue(line.riddenAt());
                    row.getCell(1).setCellStyle(time);
                    row.createCell(2).setCellValue(line.companyCode());
                    row.createCell(3).setCellValue(line.routeNo());
                    row.createCell(4).setCellValue(line.deviceId());
                    row.createCell(5).setCellValue(line.maskedAccount());
                    row.createCell(6).setCellValue(line.concession());
                    row.createCell(7).setCellValue(line.ruleVersion());
                    row.createCell(8).setCellValue(Yuan.of(line.originalFen()).doubleValue());
                    row.getCell(8).setCellStyle(yuan);
                    row.createCell(9).setCellValue(Yuan.of(line.chargedFen()).doubleValue());
                    row.getCell(9).setCellStyle(yuan);
                    row.createCell(10).setCellValue(Yuan.of(line.discountFen()).doubleValue());
                    row.getCell(10).setCellStyle(yuan);
                }
                if (rows > 100_000) {
                    out("      temporary files before writing: %.1f MB", treeSize(poiTemp) / 1e6);
                }
                book.write(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                book.dispose();
            }
            return null;
        });
    }

    private static void fastexcel(long rows, Path file, Path poiTemp) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook book = new Workbook(out, "xinyixing", "1.0");
            Worksheet sheet = book.newWorksheet("detail");
            for (long i = 1; i <= rows; i++) {
                DetailLine line = line(i);
                int r = (int) i;
                sheet.value(r, 0, line.tripId());
                sheet.value(r, 1, line.riddenAt());
                sheet.style(r, 1).format("yyyy-mm-dd hh:mm:ss").set();
                sheet.value(r, 2, line.companyCode());
                sheet.value(r, 3, line.routeNo());
                sheet.value(r, 4, line.deviceId());
                sheet.value(r, 5, line.maskedAccount());
                sheet.value(r, 6, line.concession());
                sheet.value(r, 7, line.ruleVersion());
                sheet.value(r, 8, Yuan.of(line.originalFen()));
                sheet.value(r, 9, Yuan.of(line.chargedFen()));
                sheet.value(r, 10, Yuan.of(line.discountFen()));
                sheet.style(r, 8).format("0.00").set();
                sheet.style(r, 9).format("0.00").set();
                sheet.style(r, 10).format("0.00").set();
                if (r % 1000 == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
            book.finish();
        }
    }

    /** A ride of a realistic year: 1,300 buses on 80 routes of 3 companies, 200,000 riders, 2 yuan at half fare. */
    private static DetailLine line(long i) {
        int bus = (int) (i % 1300);
        long second = (i * 31_557_600L / 10_000_000L) % 31_536_000L;
        return new DetailLine(i, LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(second), "SW0" + (bus % 3 + 1),
                Integer.toString(bus % 80 + 1), "BUS-" + (10_000 + bus), "6222****" + (1000 + i * 7919 % 200_000 % 9000),
                CONCESSIONS[(int) (i % CONCESSIONS.length)], i % 5 == 0 ? "P2" : "P1", 200, 100, 100);
    }

    private static final String[] CONCESSIONS = {"BLOOD_DONOR", "VOLUNTEER_STARS", "MODEL_WORKER", "TAXPAYER_A",
        "GOOD_SAMARITAN"};

    // ---------------------------------------------------------------- measuring

    private static void watchCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                maxAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long treeSize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
