package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.eligibility.control.CategoryRule;
import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.eligibility.control.EligibilityRules;
import cn.gov.shanwei.xinyixing.eligibility.control.NineCategories;
import cn.gov.shanwei.xinyixing.eligibility.control.Qualification;
import cn.gov.shanwei.xinyixing.eligibility.entity.ConcessionHolding;
import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Latency of one eligibility decision with the pure rules ({@link EligibilityRules#decide}), no database and
 * no container: the data a decision needs is built once and every call decides afresh.
 *
 * <p>The person: ID 441502… (Shanwei), two red-list entries — a blood donor with 4400 ml (qualifies) and a
 * one-star volunteer (below the two-star threshold) — both reported HOUSEHOLD resident; one concession holding
 * (a student card that ended 2025-08-31, so it does not exclude the discount on the day); one policy version
 * (issued 2026-01-01, 50 %). Day of the ride: 2026-11-26. The decision is "eligible, 5000 bp" with every
 * reason (each entry's outcome) written out as the rules do in production.
 *
 * <p>Method: 200,000 warm-up decisions, then 1,000,000 decisions each timed on its own with
 * {@link System#nanoTime()} into a {@code long[]}, sorted for the percentiles. The timer's own cost (two
 * nanoTime calls, some tens of ns) is inside each sample and is printed for reference.
 * System properties: {@code bench.warmup} (200000), {@code bench.samples} (1000000).
 */
public final class EligibilityBench {

    public static void main(String[] args) {
        int warmup = Integer.getInteger("bench.warmup", 200_000);
        int samples = Integer.getInteger("bench.samples", 1_000_000);

        LocalDate day = LocalDate.of(2026, 11, 26);
        String idNumber = new IdNumbers(LocalDate.of(1980, 5, 17)).number(123);
        List<Qualification> entries = List.of(
                new Qualification(1L, "BLOOD_DONOR", new CategoryDetails(null, 4400, null, null, null),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), Residency.HOUSEHOLD, false),
                new Qualification(2L, "VOLUNTEER_STARS", new CategoryDetails(null, null, null, 1, null),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), Residency.HOUSEHOLD, false));
        List<ConcessionHolding> concessions = List.of(
                new ConcessionHolding(ConcessionType.STUDENT, LocalDate.of(2019, 9, 1), LocalDate.of(2025, 8, 31), "STU"));
        List<PolicyVersion> policies = List.of(PolicyVersion.issued(LocalDate.of(2026, 1, 1), PolicyVersion.HALF_FARE_BP));
        Function<String, Optional<CategoryRule>> categories = NineCategories.lookup();
        EligibilityRules rules = new EligibilityRules();

        Decision sample = rules.decide(day, idNumber, entries, concessions, policies, categories);
        out("person %s…, decision: eligible=%s concession=%s rate=%d bp evidence=%s reasons=%s", idNumber.substring(0, 6),
                sample.eligible(), sample.concession(), sample.rateBasisPoints(), sample.residencyEvidence(),
                sample.reasonCodes());

        long sink = 0;
        long warmStart = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            sink += rules.decide(day, idNumber, entries, concessions, policies, categories).reasons().size();
        }
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;

        long[] nanos = new long[samples];
        long runStart = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            Decision d = rules.decide(day, idNumber, entries, concessions, policies, categories);
            long t1 = System.nanoTime();
            nanos[i] = t1 - t0;
            sink += d.eligible() ? d.rateBasisPoints() : 1;
        }
        double runSeconds = (System.nanoTime() - runStart) / 1e9;

        long[] timer = new long[100_000];
        for (int i = 0; i < timer.length; i++) {
            long t0 = System.nanoTime();
            timer[i] = System.nanoTime() - t0;
        }
        Arrays.sort(timer);
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);

        out("warm-up: %,d decisions in %.2f s; measured: %,d decisions in %.2f s (%,.0f decisions/s on one thread,"
                + " timer included)", warmup, warmSeconds, samples, runSeconds, samples / runSeconds);
        out("RESULT eligibility decision latency (µs): p50 %.2f  p99 %.2f  p99.9 %.2f  max %.1f  (mean %.2f, min %.2f)",
                micros(percentile(nanos, 50)), micros(percentile(nanos, 99)), micros(percentile(nanos, 99.9)),
                micros(nanos[nanos.length - 1]), mean / 1000, micros(nanos[0]));
        out("timer overhead (back-to-back nanoTime): p50 %d ns, p99 %d ns", percentile(timer, 50), percentile(timer, 99));
        out("(checksum %d)", sink);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
