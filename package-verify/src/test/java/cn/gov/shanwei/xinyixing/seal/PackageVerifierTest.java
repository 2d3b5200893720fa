package cn.gov.shanwei.xinyixing.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVerifierTest {

    private final TestSealer sealer = new TestSealer();

    @TempDir
    Path dir;

    @BeforeEach
    void sealed() throws Exception {
        TestSealer.samplePackage(dir);
        sealer.seal(dir);
    }

    @Test
    void aSealedPackageVerifies() throws Exception {
        Report report = PackageVerifier.verify(dir, sealer.publicKey());

        assertTrue(report.ok(), report.toString());
        assertEquals(new Report(Report.Signature.VALID, Optional.empty(), 3, List.of(), List.of(), List.of()), report);
    }

    @Test
    void aChangedByteIsReported() throws Exception {
        Path file = dir.resolve("settlement-2026.xlsx");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        Report report = PackageVerifier.verify(dir, sealer.publicKey());

        assertFalse(report.ok());
        assertTrue(report.signatureValid(), "the manifest itself is untouched");
        assertEquals(List.of("settlement-2026.xlsx"), report.changed());
        assertEquals(List.of(), report.missing());
        assertEquals(List.of(), report.added());
        assertEquals(2, report.matching());
    }

    @Test
    void aMissingFileIsReported() throws Exception {
        Files.delete(dir.resolve("notes/README.txt"));

        Report report = PackageVerifier.verify(dir, sealer.publicKey());

        assertFalse(report.ok());
        assertEquals(List.of("notes/README.txt"), report.missing());
        assertEquals(List.of(), report.changed());
        assertEquals(List.of(), report.added());
    }

    @Test
    void anAddedFileIsReportedAnywhereInTheTree() throws Exception {
        Files.writeString(dir.resolve("extra.csv"), "1,2\r\n");
        Files.createDirectories(dir.resolve("notes/more"));
        Files.writeString(dir.resolve("notes/more/x.txt"), "x");

        Report report = PackageVerifier.verify(dir, sealer.publicKey());

        assertFalse(report.ok());
        assertEquals(List.of("extra.csv", "notes/more/x.txt"), report.added());
        assertEquals(List.of(), report.changed());
        assertEquals(List.of(), report.missing());
    }

    @Test
    void aLinkInPlaceOfAFileIsChangedAndAnAddedLinkIsAdded() throws Exception {
        Path csv = dir.resolve("detail-2026.csv");
        Path copy = Files.copy(csv, dir.resolve("../copy.csv").normalize());
        Files.delete(csv);
        Files.createSymbolicLink(csv, copy);
        Files.createSymbolicLink(dir.resolve("link"), copy);

        Report report = PackageVerifier.verify(dir, sealer.publicKey());

        assertEquals(List.of("detail-2026.csv"), report.changed());
        assertEquals(List.of("link"), report.added());
        Files.delete(copy);
    }

    @Test
    void aSignatureOfAnotherKeyFails() throws Exception {
        Report report = PackageVerifier.verify(dir, new TestSealer().publicKey());

        assertFalse(report.ok());
        assertEquals(Report.Signature.INVALID, report.signature());
        assertEquals(3, report.matching(), "the files are still compared");
    }

    @Test
    void aManifestRewrittenToMatchAChangedFileFailsTheSignature() throws Exception {
        Files.writeString(dir.resolve("detail-2026.csv"), "\uFEFF行程编号 Trip id,金额 Amount\r\n1,100.00\r\n");
        Files.write(dir.resolve(Manifest.FILE), Manifest.of(dir).bytes());

        Report report = PackageVerifier.verify(dir, sealer.publicKey());

        assertFalse(report.ok());
        assertEquals(Report.Signature.INVALID, report.signature());
        assertEquals(List.of(), report.changed());
    }

    @Test
    void aSignatureUnderAnotherUserIdFails() throws Exception {
        byte[] manifest = Files.readAllBytes(dir.resolve(Manifest.FILE));
        Files.write(dir.resolve(Manifest.SIGNATURE_FILE), Manifest.signatureFile(sealer.sign(manifest, "ALICE123@YAHOO.COM")));

        assertEquals(Report.Signature.INVALID, PackageVerifier.verify(dir, sealer.publicKey()).signature());
    }

    @Test
    void aMissingOrMalformedSignatureFileIsSaidSo() throws Exception {
        Path sig = dir.resolve(Manifest.SIGNATURE_FILE);
        String hex = Files.readString(sig);
        Files.writeString(sig, hex.toUpperCase());
        assertEquals(Report.Signature.MALFORMED, PackageVerifier.verify(dir, sealer.publicKey()).signature());

        Files.delete(sig);
        Report report = PackageVerifier.verify(dir, sealer.publicKey());
        assertEquals(Report.Signature.MISSING, report.signature());
        assertFalse(report.ok());
    }

    @Test
    void aMalformedOrMissingManifestIsSaidSo() throws Exception {
        Path manifest = dir.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("  ", " "));
        Report report = PackageVerifier.verify(dir, sealer.publicKey());
        assertTrue(report.malformed().orElseThrow().contains("line 1"), report.toString());
        assertFalse(report.ok());

        Files.delete(manifest);
        report = PackageVerifier.verify(dir, sealer.publicKey());
        assertTrue(report.malformed().orElseThrow().contains("missing"), report.toString());
        assertEquals(Report.Signature.INVALID, report.signature());
    }

    @Test
    void aKeyThatIsNoPointIsTheCallersMistake() {
        // x = 2^256 - 1 is beyond the field prime, so no point has it
        byte[] notAPoint = HexFormat.of().parseHex("02" + "ff".repeat(32));
        assertThrows(IllegalArgumentException.class, () -> PackageVerifier.verify(dir, notAPoint));
        assertThrows(IllegalArgumentException.class, () -> PackageVerifier.verify(dir, new byte[65]));
    }

    // ---------------------------------------------------------------- the command line

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PackageVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroForAVerifiedPackageWithTheKeyInHex() {
        assertEquals(0, run(dir.toString(), HexFormat.of().formatHex(sealer.publicKey())));
        assertTrue(out().contains("通过"), out());
        assertTrue(out().contains("VERIFIED: the package is exactly as sealed"), out());
        assertTrue(out().contains("签名 / Signature:    有效 / valid"), out());
    }

    @Test
    void takesTheKeyFromAFile(@TempDir Path keys) throws Exception {
        Path hexFile = Files.writeString(keys.resolve("operator.pub"),
                HexFormat.of().withUpperCase().formatHex(sealer.publicKey()) + "\r\n");
        assertEquals(0, run(dir.toString(), hexFile.toString()));

        Path rawFile = Files.write(keys.resolve("operator.bin"), sealer.publicKey());
        assertEquals(0, run(dir.toString(), rawFile.toString()));
    }

    @Test
    void exitsOneAndListsWhatDiffers() throws Exception {
        Files.writeString(dir.resolve("detail-2026.csv"), "tampered");
        Files.delete(dir.resolve("notes/README.txt"));
        Files.writeString(dir.resolve("extra.txt"), "x");

        assertEquals(1, run(dir.toString(), HexFormat.of().formatHex(sealer.publicKey())));
        String text = out();
        assertTrue(text.contains("已改动 / Changed: 1\n    detail-2026.csv"), text);
        assertTrue(text.contains("缺失 / Missing: 1\n    notes/README.txt"), text);
        assertTrue(text.contains("多出 / Added: 1\n    extra.txt"), text);
        assertTrue(text.contains("未通过 / NOT VERIFIED"), text);
    }

    @Test
    void exitsOneForAnotherKeysPackage() {
        assertEquals(1, run(dir.toString(), HexFormat.of().formatHex(new TestSealer().publicKey())));
        assertTrue(out().contains("无效"), out());
    }

    @Test
    void exitsTwoForUsageErrors() {
        String key = HexFormat.of().formatHex(sealer.publicKey());
        assertEquals(2, run());
        assertEquals(2, run(dir.toString()));
        assertEquals(2, run(dir.toString(), key, "extra"));
        assertEquals(2, run(dir.resolve("nowhere").toString(), key));
        assertEquals(2, run(dir.toString(), "02" + "ff".repeat(32)));
        assertEquals(2, run(dir.toString(), "not-a-key"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
        assertEquals("", out(), "nothing is reported as a result when the check could not be made");
    }
}
