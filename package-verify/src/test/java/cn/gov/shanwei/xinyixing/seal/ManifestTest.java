package cn.gov.shanwei.xinyixing.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {

    /** GB/T 32905 example 1: SM3("abc"). */
    private static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    private static final String D = SM3_ABC;

    @TempDir
    Path dir;

    @Test
    void listsEveryFileSortedWithSlashesAndDigests() throws Exception {
        Files.writeString(dir.resolve("b.csv"), "abc");
        Files.createDirectories(dir.resolve("a/z"));
        Files.writeString(dir.resolve("a/z/deep.txt"), "abc");
        Files.writeString(dir.resolve("a.txt"), "abc");
        // Only the two at the top are the seal; a nested file of the same name is content like any other.
        Files.writeString(dir.resolve(Manifest.FILE), "old");
        Files.writeString(dir.resolve(Manifest.SIGNATURE_FILE), "old");
        Files.writeString(dir.resolve("a/z/" + Manifest.FILE), "abc");

        Manifest manifest = Manifest.of(dir);

        String expected = D + "  a.txt\n" + D + "  a/z/MANIFEST.sm3\n" + D + "  a/z/deep.txt\n" + D + "  b.csv\n";
        assertEquals(expected, new String(manifest.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void sortsByUtf8BytesNotByJavaStrings() throws Exception {
        // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in bytes, after it in UTF-16 (FF21 > D83D).
        Files.writeString(dir.resolve("\uD83D\uDE00.txt"), "abc");
        Files.writeString(dir.resolve("\uFF21.txt"), "abc");
        Files.writeString(dir.resolve("明细.csv"), "abc");

        List<String> paths = Manifest.of(dir).entries().stream().map(Manifest.Entry::path).toList();

        assertEquals(List.of("明细.csv", "\uFF21.txt", "\uD83D\uDE00.txt"), paths);
    }

    @Test
    void digestsLargeFilesAsStreams() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("big.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data);
        }
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] expected = new byte[32];
        digest.doFinal(expected, 0);

        assertEquals(HexFormat.of().formatHex(expected), Manifest.sm3(file));
    }

    @Test
    void parsesWhatItWrites() throws Exception {
        TestSealer.samplePackage(dir);
        Manifest manifest = Manifest.of(dir);

        Manifest again = Manifest.parse(manifest.bytes());

        assertEquals(manifest, again);
        assertEquals(3, again.entries().size());
        assertArrayEquals(manifest.bytes(), again.bytes());
    }

    @Test
    void emptyPackageHasEmptyManifest() throws Exception {
        assertEquals(0, Manifest.of(dir).bytes().length);
        assertTrue(Manifest.parse(new byte[0]).entries().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        D + "  a.csv",                      // no final line feed
        D + " a.csv\n",                      // one space
        D + "  \n",                          // no path
        "66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0  a.csv\n", // upper case
        "66c7  a.csv\n",                     // short digest
        D + "  b.csv\n" + D + "  a.csv\n",   // unsorted
        D + "  a.csv\n" + D + "  a.csv\n",   // twice
        D + "  ../a.csv\n",
        D + "  /etc/passwd\n",
        D + "  a/./b.csv\n",
        D + "  a//b.csv\n",
        D + "  dir/\n",
        D + "  a\\b.csv\n",
        D + "  a.csv\r\n",
        D + "  MANIFEST.sm3\n",
        D + "  MANIFEST.sig\n",
        "\n",
    })
    void refusesAnythingButTheFormat(String text) {
        assertThrows(MalformedManifestException.class, () -> Manifest.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] bytes = (D + "  a\u00ff.csv\n").getBytes(StandardCharsets.ISO_8859_1);
        MalformedManifestException e = assertThrows(MalformedManifestException.class, () -> Manifest.parse(bytes));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void namesTheLineThatIsWrong() {
        byte[] bytes = (D + "  a.csv\n" + D + "  ../b.csv\n").getBytes(StandardCharsets.UTF_8);
        MalformedManifestException e = assertThrows(MalformedManifestException.class, () -> Manifest.parse(bytes));
        assertTrue(e.getMessage().startsWith("第 2 行 / line 2"), e.getMessage());
    }

    @Test
    void refusesToSealALink() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "abc");
        Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("a.csv"));
        assertThrows(IOException.class, () -> Manifest.of(dir));
    }

    @Test
    void signatureFileIsHexAndALineFeed() throws Exception {
        byte[] rs = new byte[64];
        rs[0] = (byte) 0xab;
        rs[63] = 1;
        byte[] file = Manifest.signatureFile(rs);

        assertEquals("ab" + "00".repeat(62) + "01\n", new String(file, StandardCharsets.US_ASCII));
        assertArrayEquals(rs, Manifest.parseSignatureFile(file));
        for (String wrong : List.of("ab" + "00".repeat(62) + "01", "AB" + "00".repeat(62) + "01\n",
                "ab" + "00".repeat(62) + "01\r\n", "00".repeat(63) + "\n", "")) {
            assertThrows(MalformedManifestException.class,
                    () -> Manifest.parseSignatureFile(wrong.getBytes(StandardCharsets.US_ASCII)), wrong);
        }
        assertThrows(IllegalArgumentException.class, () -> Manifest.signatureFile(new byte[72]));
    }
}
