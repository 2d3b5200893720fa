package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.seal.Manifest;
import cn.gov.shanwei.xinyixing.seal.Report;
import cn.gov.shanwei.xinyixing.seal.Sm2Verifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageSealTest {

    private final Sm2KeyPair operator = SmCrypto.generateSm2KeyPair();

    @TempDir
    Path dir;

    private Path annualPackage() throws Exception {
        Files.writeString(dir.resolve("detail-2026-v1.csv"), "\uFEFF行程编号 Trip id\r\n1\r\n");
        Files.writeString(dir.resolve("summary-2026-v1.csv"), "\uFEFF公交企业 Company\r\nSW01\r\n");
        Files.write(dir.resolve("settlement-2026-v1.xlsx"), new byte[] {0x50, 0x4b, 3, 4, 9});
        return dir;
    }

    @Test
    void theApplicationsSignatureVerifiesWithTheBureausTool() {
        // The two implementations must agree on user id, r||s and the compressed key, for any message.
        Random random = new Random(2026);
        for (int i = 0; i < 50; i++) {
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            byte[] signature = SmCrypto.sign(operator.privateKey(), message);
            byte[] key = operator.publicKey().encoded();

            assertTrue(Sm2Verifier.verify(key, message, signature));
            if (message.length > 0) {
                message[random.nextInt(message.length)] ^= 1;
                assertFalse(Sm2Verifier.verify(key, message, signature));
                assertEquals(SmCrypto.verify(key, message, signature), Sm2Verifier.verify(key, message, signature));
            }
        }
        byte[] message = "MANIFEST".getBytes(StandardCharsets.UTF_8);
        assertFalse(Sm2Verifier.verify(SmCrypto.generateSm2KeyPair().publicKey().encoded(), message,
                SmCrypto.sign(operator.privateKey(), message)));
    }

    @Test
    void aSealedPackageVerifiesAndItsDigestNamesTheManifest() throws Exception {
        String manifestSm3 = PackageSeal.seal(annualPackage(), operator.privateKey());

        Report report = PackageSeal.verify(dir, operator.publicKey());

        assertTrue(report.ok(), report.toString());
        assertEquals(3, report.matching());
        byte[] manifest = Files.readAllBytes(dir.resolve(Manifest.FILE));
        assertEquals(HexFormat.of().formatHex(SmCrypto.sm3(manifest)), manifestSm3);
        assertArrayEquals(Manifest.of(dir).bytes(), manifest);
        byte[] signature = Manifest.parseSignatureFile(Files.readAllBytes(dir.resolve(Manifest.SIGNATURE_FILE)));
        assertTrue(SmCrypto.verify(operator.publicKey(), manifest, signature), "the facade reads the seal too");
    }

    @Test
    void sealingTwiceGivesTheSameManifest() throws Exception {
        String first = PackageSeal.seal(annualPackage(), operator.privateKey());
        String second = PackageSeal.seal(dir, operator.privateKey());

        assertEquals(first, second);
        assertTrue(PackageSeal.verify(dir, operator.publicKey()).ok());
    }

    @Test
    void changesAfterSealingAreReported() throws Exception {
        PackageSeal.seal(annualPackage(), operator.privateKey());
        Path xlsx = dir.resolve("settlement-2026-v1.xlsx");
        byte[] bytes = Files.readAllBytes(xlsx);
        bytes[4] ^= (byte) 0x80;
        Files.write(xlsx, bytes);
        Files.delete(dir.resolve("summary-2026-v1.csv"));
        Files.writeString(dir.resolve("note.txt"), "added later");

        Report report = PackageSeal.verify(dir, operator.publicKey());

        assertFalse(report.ok());
        assertTrue(report.signatureValid());
        assertEquals(List.of("settlement-2026-v1.xlsx"), report.changed());
        assertEquals(List.of("summary-2026-v1.csv"), report.missing());
        assertEquals(List.of("note.txt"), report.added());
        assertEquals(Report.Signature.INVALID,
                PackageSeal.verify(dir, SmCrypto.generateSm2KeyPair().publicKey()).signature());
    }
}
