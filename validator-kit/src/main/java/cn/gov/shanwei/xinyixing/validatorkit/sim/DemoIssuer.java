package cn.gov.shanwei.xinyixing.validatorkit.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.AuthorisationTerms;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.ridecode.control.InstitutionCertificate;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;

/**
 * A throw-away trust chain (CA → issuer → riders) made with the project's own issuing classes, for load tests
 * and benchmarks that need valid codes without a running system. Its CA key is printed so a replay can pin it.
 */
final class DemoIssuer {

    static final int CA_INDEX = 1;

    /** A rider: an authorisation and the key the phone signs with. */
    record Rider(Authorisation authorisation, Sm2KeyPair key) {
        byte[] code(long generationTime) {
            return RideCode.make(authorisation, generationTime, key.privateKey()).encode();
        }
    }

    final Sm2KeyPair ca = SmCrypto.generateSm2KeyPair();
    final Sm2KeyPair issuer = SmCrypto.generateSm2KeyPair();
    final InstitutionCertificate certificate = InstitutionCertificate.issue(0x0000_0001, CA_INDEX, 0x4415_0001,
            LocalDate.of(2099, 12, 31), 1, issuer.publicKey(), ca.privateKey());

    String caKeyHex() {
        return HexFormat.of().formatHex(ca.publicKey().encoded());
    }

    /** {@code count} riders, authorised until {@code expiresAt}, entitlement serials 1…count. */
    List<Rider> riders(int count, Instant expiresAt) {
        List<Rider> riders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sm2KeyPair user = SmCrypto.generateSm2KeyPair();
            CardData card = new CardData(ConcessionType.XINYIXING, 5000, LocalDate.of(2099, 12, 31), i + 1L);
            AuthorisationTerms terms = new AuthorisationTerms(String.format("PA%013d", i), String.format("U%09d", i),
                    0x4415_0000, 0x0000_0101, Authorisation.ACCOUNT_TYPE_XINYIXING, 500, user.publicKey(),
                    expiresAt.getEpochSecond(), 60, card);
            riders.add(new Rider(Authorisation.sign(terms, certificate, issuer.privateKey()), user));
        }
        return riders;
    }
}
