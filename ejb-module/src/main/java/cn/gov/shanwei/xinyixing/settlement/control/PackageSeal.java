package cn.gov.shanwei.xinyixing.settlement.control;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.seal.Manifest;
import cn.gov.shanwei.xinyixing.seal.PackageVerifier;
import cn.gov.shanwei.xinyixing.seal.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Seals a written settlement package with the card operator's SM2 key, and checks a sealed one (R15).
 *
 * <p>The manifest format is {@code package-verify}'s {@link Manifest}, the same class the bureau's command-line
 * tool reads it with, and verifying is that tool's {@link PackageVerifier}: the application and the bureau
 * cannot disagree about what a package is. Signing goes through the project's one crypto facade,
 * {@link SmCrypto}, whose conventions (default user id, raw r ‖ s, compressed keys) the verifier shares.
 */
public final class PackageSeal {

    private PackageSeal() {
    }

    /**
     * Writes {@code MANIFEST.sm3} for every file now in {@code dir} and {@code MANIFEST.sig} over it. Sealing
     * again replaces both (the two are never listed), so a package sealed twice is sealed once.
     *
     * @return the SM3 of the manifest, 64 lowercase hex: one value that names the whole package's content
     */
    public static String seal(Path dir, Sm2PrivateKey key) throws IOException {
        byte[] manifest = Manifest.of(dir).bytes();
        Files.write(dir.resolve(Manifest.FILE), manifest);
        Files.write(dir.resolve(Manifest.SIGNATURE_FILE), Manifest.signatureFile(SmCrypto.sign(key, manifest)));
        return HexFormat.of().formatHex(SmCrypto.sm3(manifest));
    }

    /** Checks the package against the key: the signature, and every file changed, missing or added. */
    public static Report verify(Path dir, Sm2PublicKey key) throws IOException {
        return PackageVerifier.verify(dir, key.encoded());
    }
}
