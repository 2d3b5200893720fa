package cn.gov.shanwei.xinyixing.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Seals test packages with Bouncy Castle directly (the application's sealer lives in the EJB module, whose
 * tests check it against this module's verifier).
 */
final class TestSealer {

    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CustomNamedCurves.getByName("sm2p256v1"));

    private final AsymmetricCipherKeyPair pair;

    TestSealer() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, new SecureRandom()));
        pair = generator.generateKeyPair();
    }

    byte[] publicKey() {
        return ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(true);
    }

    byte[] sign(byte[] message, String userId) throws Exception {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(true, new ParametersWithID(new ParametersWithRandom(pair.getPrivate(), new SecureRandom()),
                userId.getBytes(StandardCharsets.US_ASCII)));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    void seal(Path dir) throws Exception {
        byte[] manifest = Manifest.of(dir).bytes();
        Files.write(dir.resolve(Manifest.FILE), manifest);
        Files.write(dir.resolve(Manifest.SIGNATURE_FILE), Manifest.signatureFile(sign(manifest, "1234567812345678")));
    }

    /** A small package like the annual one: CSV, workbook, a nested file. */
    static Path samplePackage(Path dir) throws IOException {
        Files.writeString(dir.resolve("detail-2026.csv"), "\uFEFF行程编号 Trip id,金额 Amount\r\n1,1.00\r\n");
        Files.write(dir.resolve("settlement-2026.xlsx"), new byte[] {0x50, 0x4b, 3, 4, 0, 1, 2});
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/README.txt"), "汕尾市信易行 2026\n");
        return dir;
    }
}
