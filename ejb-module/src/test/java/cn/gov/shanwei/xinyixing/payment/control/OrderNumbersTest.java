package cn.gov.shanwei.xinyixing.payment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void oneTripIsOneOrderNumber() {
        assertEquals("XYXD0000000000000000042", OrderNumbers.deduction(42));
        assertEquals(OrderNumbers.deduction(42), OrderNumbers.deduction(42), "a re-send is the same order");
        assertEquals(23, OrderNumbers.deduction(Long.MAX_VALUE).length());
        assertTrue(OrderNumbers.deduction(Long.MAX_VALUE).matches("[A-Za-z0-9]{1,32}"), "fits out_trade_no");
        assertThrows(IllegalArgumentException.class, () -> OrderNumbers.deduction(-1));
    }

    @Test
    void aRepaymentIsANewNumber() {
        String one = OrderNumbers.repayment();
        assertTrue(one.matches("[0-9a-f]{32}"));
        assertNotEquals(one, OrderNumbers.repayment());
    }
}
