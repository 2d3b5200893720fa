package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.payment.control.BillFile;
import cn.gov.shanwei.xinyixing.settlement.control.BillMatching;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The reconciliation of a busy day's bill in memory: {@code bench.lines} (40,297, the busiest day of the
 * generated 10,000,000-trip year) payments as the platform's bill file and as our records, with a handful of
 * differences of every kind. Measured: checking the digest and reading the file ({@link BillFile}) and
 * matching it line by line ({@link BillMatching}), against a raw baseline in the same run — splitting the same
 * bytes into lines and joining them to our numbers in a plain {@code HashMap}, no checks. Best of
 * {@code bench.rounds} (7) after as many unmeasured rounds. The database side of a day (reading the day's
 * payments and the claim of their rides) is not in this figure.
 */
public final class ReconciliationBench {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public static void main(String[] args) {
        int lines = Integer.getInteger("bench.lines", 40_297);
        int rounds = Integer.getInteger("bench.rounds", 7);
        LocalDate day = LocalDate.of(2026, 6, 15);
        Random random = new Random(42);
        List<BillMatching.Payment> ours = new ArrayList<>(lines);
        StringBuilder file = new StringBuilder("billDate,successTime,type,number,transactionId,amountFen\n");
        long total = 0;
        int written = 0;
        for (int i = 0; i < lines; i++) {
            String number = String.format("XYXD%019d", 10_000_000L + i);
            long fen = 50 + random.nextInt(4) * 50;
            ours.add(new BillMatching.Payment("DEDUCTION", number, fen, List.of(10_000_000L + i), 0));
            if (i % 10_000 == 1) {
                continue; // missing from the bill
            }
            long billed = i % 10_000 == 2 ? fen + 1 : fen;
            int copies = i % 10_000 == 3 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                file.append(day).append(',').append(day.atTime(6, 0).plusSeconds(i).atOffset(ZoneOffset.ofHours(8)).format(TIME))
                        .append(",DEDUCTION,").append(number).append(",4200").append(String.format("%016d", i)).append(',')
                        .append(billed).append('\n');
                total += billed;
                written++;
            }
        }
        file.append(day).append(",2026-06-15T12:00:00+08:00,DEDUCTION,XYXD9999999999999999999,42990000000000000001,200\n");
        total += 200;
        written++;
        file.append("TOTAL,").append(written).append(',').append(total).append('\n');
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        String digest = BillFile.digestHeader(body);

        double best = Double.MAX_VALUE;
        double bestRaw = Double.MAX_VALUE;
        BillMatching.Result result = null;
        long rawMatched = 0;
        for (int round = 0; round < rounds * 2; round++) {
            long start = System.nanoTime();
            BillFile.Bill bill = BillFile.read(day, body, digest);
            result = BillMatching.match(ours, bill.lines().stream().map(l -> new BillMatching.Payment(l.kind().name(),
                    l.number(), l.amountFen(), List.of(), l.line())).toList());
            double seconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            rawMatched = raw(body, ours);
            double rawSeconds = (System.nanoTime() - start) / 1e9;
            if (round >= rounds) {
                best = Math.min(best, seconds);
                bestRaw = Math.min(bestRaw, rawSeconds);
            }
        }
        System.out.printf(Locale.ROOT, "bill of %,d lines (%,d bytes): %d matched, %d differences%n", written, body.length,
                result.matchedLines(), result.differences().size());
        System.out.printf(Locale.ROOT, "reconciliation (digest, read, match): %.3f s; raw split + HashMap join: %.3f s"
                + " (%d matched); ratio %.2f%n", best, bestRaw, rawMatched, best / bestRaw);
    }

    /** The least that matching needs: lines split at commas, our numbers in a map, equal amounts counted. */
    private static long raw(byte[] body, List<BillMatching.Payment> ours) {
        Map<String, Long> amounts = new HashMap<>(ours.size() * 2);
        ours.forEach(p -> amounts.put(p.number(), p.amountFen()));
        long matched = 0;
        String[] rows = new String(body, StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < rows.length - 1; i++) {
            String[] cells = rows[i].split(",");
            Long amount = amounts.remove(cells[3]);
            if (amount != null && amount == Long.parseLong(cells[5])) {
                matched++;
            }
        }
        return matched;
    }
}
