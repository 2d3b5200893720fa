package cn.gov.shanwei.xinyixing.redlist.control;

import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.bloodDonor;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.change;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.charityDonor;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.removal;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.validBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchSignatureTest {

    private static final Sm2KeyPair PLATFORM = SmCrypto.generateSm2KeyPair();

    @Test
    void aSignedBatchVerifiesWithThePlatformKey() {
        BatchMessage signed = BatchSignature.signed(validBatch(), PLATFORM.privateKey());

        assertEquals(64, signed.signature().length);
        assertTrue(BatchSignature.verify(signed, PLATFORM.publicKey()));
        assertEquals(Optional.empty(), BatchSignature.check(signed, PLATFORM.publicKey()));
    }

    @Test
    void theKeyRoundTripsThroughItsCompressedForm() {
        BatchMessage signed = BatchSignature.signed(validBatch(), PLATFORM.privateKey());

        assertTrue(BatchSignature.verify(signed, SmCrypto.decodePublicKey(PLATFORM.publicKey().encoded())));
    }

    @Test
    void anotherKeyDoesNotVerify() {
        BatchMessage signed = BatchSignature.signed(validBatch(), SmCrypto.generateSm2KeyPair().privateKey());

        assertFalse(BatchSignature.verify(signed, PLATFORM.publicKey()));
    }

    @Test
    void changingTheIdNumberBreaksTheSignature() {
        assertTamperDetected(withFirstEntry(change(bloodDonor(), f -> f.idNumber = "441501199007071010")));
    }

    @Test
    void changingTheCategoryBreaksTheSignature() {
        assertTamperDetected(withFirstEntry(change(bloodDonor(), f -> f.categoryCode = "MORAL_MODEL")));
    }

    @Test
    void changingValidToBreaksTheSignature() {
        assertTamperDetected(withFirstEntry(change(bloodDonor(), f -> f.validTo = LocalDate.of(2036, 3, 31))));
    }

    @Test
    void changingTheSequenceNumberBreaksTheSignature() {
        BatchMessage b = validBatch();
        assertTamperDetected(new BatchMessage(b.batchId(), b.sequenceNo() + 1, b.issuedAt(), b.entries(), null));
    }

    @Test
    void changingTheBatchIdBreaksTheSignature() {
        BatchMessage b = validBatch();
        assertTamperDetected(new BatchMessage("XYSW-2024-0002", b.sequenceNo(), b.issuedAt(), b.entries(), null));
    }

    @Test
    void droppingAnEntryBreaksTheSignature() {
        BatchMessage b = validBatch();
        assertTamperDetected(new BatchMessage(b.batchId(), b.sequenceNo(), b.issuedAt(),
                List.of(bloodDonor(), charityDonor()), null));
    }

    @Test
    void theSameDonationWrittenWithDecimalsVerifies() {
        BatchMessage withDecimals = TestBatches.batch(donation("10000.00"));
        BatchMessage whole = TestBatches.batch(donation("10000"));
        byte[] signature = BatchSignature.sign(withDecimals, PLATFORM.privateKey());

        assertTrue(BatchSignature.verify(whole.withSignature(signature), PLATFORM.publicKey()));
    }

    @Test
    void aMissingOrMalformedSignatureDoesNotVerifyAndIsRejected() {
        BatchMessage signed = BatchSignature.signed(validBatch(), PLATFORM.privateKey());
        for (byte[] bad : Arrays.asList(null, new byte[0], Arrays.copyOf(signed.signature(), 63), new byte[64])) {
            BatchMessage batch = validBatch().withSignature(bad);

            assertFalse(BatchSignature.verify(batch, PLATFORM.publicKey()));
            assertEquals(Optional.of(Rejection.ofBatch(RejectionCode.SIGNATURE_INVALID)),
                    BatchSignature.check(batch, PLATFORM.publicKey()));
        }
    }

    @Test
    void aMalformedMessageCanBeCheckedWithoutThrowing() {
        BatchMessage malformed = new BatchMessage(null, 0, null, null, new byte[64]);

        assertFalse(BatchSignature.verify(malformed, PLATFORM.publicKey()));
    }

    /** Signs the valid batch, then presents its signature with the altered content. */
    private static void assertTamperDetected(BatchMessage altered) {
        byte[] signature = BatchSignature.sign(validBatch(), PLATFORM.privateKey());

        assertFalse(BatchSignature.verify(altered.withSignature(signature), PLATFORM.publicKey()));
    }

    private static BatchMessage withFirstEntry(EntryMessage first) {
        return TestBatches.batch(first, charityDonor(), removal());
    }

    private static EntryMessage donation(String amount) {
        return change(charityDonor(),
                f -> f.details = new CategoryDetails(f.details.level(), null, new BigDecimal(amount), 3, "A"));
    }
}
