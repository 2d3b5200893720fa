package cn.gov.shanwei.xinyixing.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitizenAccountTest {

    private static final Instant OPENED = Instant.parse("2026-11-01T02:00:00Z");

    private static CitizenAccount account() {
        return new CitizenAccount(new ProtectedIdNumber(new byte[32], new byte[40], "4415**********0020", 1), "陈*", "138****8000",
                AccountType.XINYIXING, "SW12345678901234", "1234567890", "2026-11", OPENED);
    }

    @Test
    void serialsStartAtOneAndNeverRepeat() {
        CitizenAccount account = account();
        assertNull(account.entitlementSerial(), "no credential issued yet");
        assertEquals(1, account.nextEntitlementSerial());
        assertEquals(2, account.nextEntitlementSerial());
        assertEquals(2L, account.entitlementSerial());
    }

    @Test
    void closingErasesWhatTheLawLetsUsEraseAndKeepsTheNumbers() {
        CitizenAccount account = account();
        account.close(OPENED.plusSeconds(60));
        assertFalse(account.isOpen());
        assertEquals(CitizenAccount.Status.CLOSED, account.status());
        assertNull(account.phoneMasked());
        assertEquals("*", account.nameMasked());
        assertEquals("SW12345678901234", account.paymentAccountNo(), "past rides still settle against the number");
        assertEquals("4415**********0020", account.idNumberMasked());
        assertNull(account.idNumber().cipher(), "the cipher is erased, the index kept for settlement");
    }

    @Test
    void anAccountClosesOnlyOnce() {
        CitizenAccount account = account();
        account.close(OPENED.plusSeconds(60));
        assertThrows(IllegalStateException.class, () -> account.close(OPENED.plusSeconds(120)));
    }

    @Test
    void accountTypesNameTheConcessionTheyCarry() {
        assertEquals(Optional.empty(), AccountType.STANDARD.concession());
        assertEquals(Optional.of(ConcessionType.XINYIXING), AccountType.XINYIXING.concession());
        for (ConcessionType type : ConcessionType.values()) {
            assertTrue(AccountType.named(type.name()).flatMap(AccountType::concession).filter(type::equals).isPresent(),
                    "every concession can be chosen as an account type: " + type);
        }
        assertEquals(Optional.empty(), AccountType.named("ASTRONAUT"));
        assertEquals(Optional.empty(), AccountType.named(null));
    }
}
