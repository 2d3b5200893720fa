package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DetailCsvTest {

    private static final String HEADER = "行程编号 Trip id,乘车时间 Ridden at,公交企业 Company,线路 Route,车载机 Device,"
            + "支付账户（脱敏） Account (masked),优惠类别 Concession,规则版本 Rule version,原价（元） Original (yuan),"
            + "实收（元） Charged (yuan),优惠即补贴（元） Discount = subsidy (yuan)\r\n";

    @Test
    void startsWithABomSoExcelReadsUtf8AndHasBilingualHeadings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DetailCsv csv = new DetailCsv(out)) {
            csv.write(new DetailLine(7, LocalDateTime.of(2026, 3, 1, 7, 5, 9), "SW01", "1", "BUS-0001",
                    "6222****1234", "BLOOD_DONOR", "P1", 200, 100, 100));
            assertEquals(1, csv.lines());
        }
        byte[] bytes = out.toByteArray();

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals(HEADER + "7,2026-03-01 07:05:09,SW01,1,BUS-0001,6222****1234,BLOOD_DONOR,P1,2.00,1.00,1.00\r\n", text);
    }

    @Test
    void quotesAsRfc4180() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DetailCsv csv = new DetailCsv(out)) {
            csv.write(new DetailLine(8, LocalDateTime.of(2026, 12, 31, 23, 59, 59), "SW,02", "K\"1\"", "line\nbreak",
                    "cr\rhere", "", "P2", 1, 0, -1));
        }
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);

        assertEquals("\uFEFF" + HEADER
                + "8,2026-12-31 23:59:59,\"SW,02\",\"K\"\"1\"\"\",\"line\nbreak\",\"cr\rhere\",,P2,0.01,0.00,-0.01\r\n", text);
    }

    @Test
    void summaryLeavesMonthAndRouteBlankWhereTheRowIsNotPerThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SummaryCsv csv = new SummaryCsv(out)) {
            csv.write(new SummaryLine("SW01", 3, "", Outcome.SUBSIDISED, 2, 400, 200, 200));
            csv.write(new SummaryLine("SW01", 0, "12路", Outcome.SUBSIDISED, 2, 400, 200, 200));
            csv.write(new SummaryLine("SW01", 0, "", Outcome.FLAGGED, 1, 200, 100, 100));
        }
        String[] lines = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\r\n");

        assertEquals("\uFEFF公交企业 Company,月份 Month,线路 Route,结果 Outcome,原因 Reason,乘次 Rides,"
                + "原价（元） Original (yuan),实收（元） Charged (yuan),优惠即补贴（元） Discount = subsidy (yuan)", lines[0]);
        assertEquals("SW01,3,,SUBSIDISED,\"" + Outcome.SUBSIDISED.description() + "\",2,4.00,2.00,2.00", lines[1]);
        assertEquals("SW01,,12路,SUBSIDISED,\"" + Outcome.SUBSIDISED.description() + "\",2,4.00,2.00,2.00", lines[2]);
        // no comma, no quote: left unquoted (the Chinese comma is not a separator)
        assertEquals("SW01,,,FLAGGED," + Outcome.FLAGGED.description() + ",1,2.00,1.00,1.00", lines[3]);
        assertEquals(4, lines.length);
    }
}
