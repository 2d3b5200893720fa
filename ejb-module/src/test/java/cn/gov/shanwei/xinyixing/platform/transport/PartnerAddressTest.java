package cn.gov.shanwei.xinyixing.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PartnerAddressTest {

    @Test
    void httpsIsAcceptedWhereverTheSystemRuns() {
        assertEquals(URI.create("https://credit.example/api/"),
                PartnerAddress.check("xinyixing.credit-platform.url", " https://credit.example/api/ ", false));
    }

    @Test
    void plainHttpIsRefusedUnlessTheEmbeddedDefaultAllowsIt() {
        PartnerAddress.Refused refused = assertThrows(PartnerAddress.Refused.class,
                () -> PartnerAddress.check("xinyixing.payment.url", "http://pay.example/", false));
        assertEquals("xinyixing.payment.url", refused.property());
        assertTrue(refused.getMessage().contains("https://"), refused.getMessage());
        assertTrue(refused.getMessage().contains(PartnerAddress.ALLOW_PLAIN_HTTP), refused.getMessage());

        assertEquals(URI.create("http://127.0.0.1:8991/"),
                PartnerAddress.check("xinyixing.payment.url", "http://127.0.0.1:8991/", true));
    }

    @Test
    void otherSchemesAndRelativeAddressesAreRefusedEvenWhenPlainHttpIsAllowed() {
        for (String address : new String[] {"ftp://x.example/", "file:///etc/passwd", "/jwks.json", "https:///nohost", "ht tp://x"}) {
            assertThrows(PartnerAddress.Refused.class,
                    () -> PartnerAddress.check("xinyixing.identity.jwks-url", address, true), address);
        }
    }
}
