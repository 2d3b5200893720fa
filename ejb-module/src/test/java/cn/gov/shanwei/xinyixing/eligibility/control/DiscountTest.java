package cn.gov.shanwei.xinyixing.eligibility.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void halfOfTwoYuan() {
        assertEquals(new Fare(200, 100, 100), Discount.apply(200, 5000));
    }

    @Test
    void halfAFenRoundsUpInTheCitizensFavour() {
        assertEquals(new Fare(1, 1, 0), Discount.apply(1, 5000));
        assertEquals(new Fare(3, 2, 1), Discount.apply(3, 5000));
    }

    @Test
    void belowHalfAFenRoundsDown() {
        // 250 × 0.3333 = 83.325
        assertEquals(new Fare(250, 83, 167), Discount.apply(250, 3333));
        // 250 × 0.3338 = 83.45 rounds down; 250 × 0.3340 = 83.5 is exactly half and rounds up
        assertEquals(83, Discount.apply(250, 3338).discountFen());
        assertEquals(84, Discount.apply(250, 3340).discountFen());
    }

    @Test
    void noRateAndFullRate() {
        assertEquals(new Fare(200, 0, 200), Discount.apply(200, 0));
        assertEquals(new Fare(200, 200, 0), Discount.apply(200, 10000));
        assertEquals(new Fare(0, 0, 0), Discount.apply(0, 5000));
    }

    @Test
    void largeFaresDoNotOverflow() {
        Fare fare = Discount.apply(Integer.MAX_VALUE, 5000);
        assertEquals(1_073_741_824, fare.discountFen());
        assertEquals(Integer.MAX_VALUE, fare.discountFen() + fare.chargedFen());
    }

    @Test
    void rejectsInvalidInputs() {
        assertThrows(IllegalArgumentException.class, () -> Discount.apply(-1, 5000));
        assertThrows(IllegalArgumentException.class, () -> Discount.apply(200, -1));
        assertThrows(IllegalArgumentException.class, () -> Discount.apply(200, 10001));
    }

    @Test
    void aFareThatDoesNotAddUpCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> new Fare(200, 100, 99));
        assertThrows(IllegalArgumentException.class, () -> new Fare(200, 201, -1));
    }
}
