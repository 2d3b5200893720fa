package cn.gov.shanwei.xinyixing.redlist;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, well-formed (GB 11643) ID numbers, so that tests never share a person. */
public final class TestPeople {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 500));

    private TestPeople() {
    }

    /** A new person registered in Shanwei's 城区 (441502). */
    public static String shanwei() {
        return withRegion("441502");
    }

    /** A new person registered in Guangzhou's 荔湾 (440103): not Shanwei by ID number. */
    public static String guangzhou() {
        return withRegion("440103");
    }

    public static String withRegion(String region) {
        int n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 15000);
        return withCheckDigit(region + birth.toString().replace("-", "") + String.format("%03d", n % 1000));
    }

    /** Any 17 characters made into an 18-character number with the right check character. */
    public static String withCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
