package cn.gov.shanwei.xinyixing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The manifest of a sealed settlement package, defined once for the application that seals and the tool that
 * verifies (the format, byte for byte, is in this module's README).
 *
 * <p>{@value #FILE} lists every regular file of the package directory tree with its SM3 digest, one line each,
 * {@code <64 lowercase hex><two spaces><relative path with />\n}, sorted by the UTF-8 bytes of the path;
 * {@value #SIGNATURE_FILE} holds the SM2 signature over the exact bytes of {@value #FILE}. The two files at the
 * top of the package are the only ones not listed. The format is deliberately that of {@code sha256sum}-style
 * tools, so a person can read it, and strict (one spelling of each manifest), so the bytes that are signed
 * are determined by the files alone.
 *
 * <p>Files are digested as streams through a fixed buffer: a package holds a year of detail, far more than
 * memory. Immutable.
 */
public final class Manifest {

    public static final String FILE = "MANIFEST.sm3";
    public static final String SIGNATURE_FILE = "MANIFEST.sig";

    /** One listed file: its path relative to the package, {@code /}-separated, and its SM3 as lowercase hex. */
    public record Entry(String path, String sm3) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sm3, "sm3");
        }
    }

    /** Byte order of the UTF-8 path, as the format sorts (not Java's UTF-16 order, which differs above U+FFFF). */
    static final Comparator<String> PATH_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)", Pattern.DOTALL);
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{128}\n");
    private static final HexFormat HEX = HexFormat.of();
    private static final int BUFFER = 64 * 1024;

    private final List<Entry> entries;

    private Manifest(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Computes the manifest of a package directory from its files.
     *
     * @throws IOException if a file cannot be read, or the tree holds something that is not a directory or a
     *                     regular file (a link's target could change after sealing), or a name the format cannot
     *                     carry
     */
    public static Manifest of(Path dir) throws IOException {
        Scan scan = scan(dir);
        if (!scan.others().isEmpty()) {
            throw new IOException("封包只能包含普通文件 / a package holds only regular files: " + scan.others());
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Path> file : scan.files().entrySet()) {
            String problem = pathProblem(file.getKey());
            if (problem != null) {
                throw new IOException(problem + ": " + file.getKey());
            }
            entries.add(new Entry(file.getKey(), sm3(file.getValue())));
        }
        return new Manifest(entries);
    }

    /**
     * Reads a manifest, refusing anything that is not exactly the format (so that one set of files has one
     * manifest).
     *
     * @throws MalformedManifestException saying which line is wrong and why, in Chinese and English
     */
    public static Manifest parse(byte[] bytes) throws MalformedManifestException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedManifestException("清单不是 UTF-8 文本 / the manifest is not UTF-8 text");
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new MalformedManifestException("清单最后一行缺少换行符 / the manifest's last line has no line feed");
        }
        List<Entry> entries = new ArrayList<>();
        String previous = null;
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end);
            start = end + 1;
            number++;
            var match = LINE.matcher(line);
            if (!match.matches()) {
                throw new MalformedManifestException(number, "应为“64 位小写十六进制 SM3、两个空格、路径”"
                        + " / expected 64 lowercase hex digits of SM3, two spaces, a path");
            }
            String path = match.group(2);
            String problem = pathProblem(path);
            if (problem != null) {
                throw new MalformedManifestException(number, problem);
            }
            if (previous != null && PATH_ORDER.compare(previous, path) >= 0) {
                throw new MalformedManifestException(number, previous.equals(path)
                        ? "路径重复 / the path is listed twice"
                        : "路径未按字节顺序排列 / the paths are not sorted in byte order");
            }
            previous = path;
            entries.add(new Entry(path, match.group(1)));
        }
        return new Manifest(entries);
    }

    /** The exact bytes of {@value #FILE}: what is written, and what is signed. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(entries.size() * 100);
        for (Entry entry : entries) {
            text.append(entry.sm3()).append("  ").append(entry.path()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The listed files, in manifest order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Path → SM3 hex, in manifest order. */
    public Map<String, String> digests() {
        Map<String, String> digests = new LinkedHashMap<>();
        entries.forEach(entry -> digests.put(entry.path(), entry.sm3()));
        return Collections.unmodifiableMap(digests);
    }

    /** The content of {@value #SIGNATURE_FILE} for a 64-byte r ‖ s signature: 128 lowercase hex and a line feed. */
    public static byte[] signatureFile(byte[] signature) {
        if (signature.length != Sm2Verifier.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("SM2 signature must be 64 bytes r||s, got " + signature.length);
        }
        return (HEX.formatHex(signature) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads {@value #SIGNATURE_FILE}.
     *
     * @return the 64-byte r ‖ s
     * @throws MalformedManifestException if it is not exactly 128 lowercase hex digits and a line feed
     */
    public static byte[] parseSignatureFile(byte[] content) throws MalformedManifestException {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!SIGNATURE.matcher(text).matches()) {
            throw new MalformedManifestException("签名文件应为 128 位小写十六进制加换行符"
                    + " / the signature file must be 128 lowercase hex digits and a line feed");
        }
        return HEX.parseHex(text, 0, 128);
    }

    /** SM3 of a file, read as a stream. */
    public static String sm3(Path file) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HEX.formatHex(out);
    }

    /**
     * Why a path cannot be in a manifest, or {@code null}. Relative, {@code /}-separated, no empty, {@code .} or
     * {@code ..} segment (the verifier must never look outside the package), no backslash (a separator on
     * Windows, where the bureau may verify), no control character (a line feed would end the line).
     */
    static String pathProblem(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            return "路径须为相对路径 / the path must be relative";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "路径含控制字符 / the path contains a control character";
            }
            if (c == '\\') {
                return "路径含反斜杠，分隔符只能是 / / the path contains a backslash; the separator is /";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "路径含空段、. 或 .. / the path has an empty, . or .. segment";
            }
        }
        if (path.equals(FILE) || path.equals(SIGNATURE_FILE)) {
            return "清单和签名文件本身不列入清单 / the manifest and signature files are not listed";
        }
        return null;
    }

    /** What a package directory holds: regular files by manifest path, and any other non-directory entries. */
    record Scan(TreeMap<String, Path> files, TreeSet<String> others) {
    }

    /** Walks the tree without following links; the two manifest files at the top are left out. */
    static Scan scan(Path dir) throws IOException {
        // The package directory itself may be reached through a link; what is inside may not.
        Path root = dir.toRealPath();
        TreeMap<String, Path> files = new TreeMap<>(PATH_ORDER);
        TreeSet<String> others = new TreeSet<>(PATH_ORDER);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = relative(root, file);
                if (path.equals(FILE) || path.equals(SIGNATURE_FILE)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isRegularFile()) {
                    files.put(path, file);
                } else if (!attributes.isDirectory()) {
                    others.add(path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new Scan(files, others);
    }

    private static String relative(Path dir, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path name : dir.relativize(file)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(name);
        }
        return path.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Manifest" + entries;
    }
}
