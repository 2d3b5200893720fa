package cn.gov.shanwei.xinyixing.seal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a sealed settlement package against the card operator's SM2 public key: is {@code MANIFEST.sig} a
 * signature of that key over {@code MANIFEST.sm3}, and is every file on disk exactly the one listed there. This
 * is how the bureau proves later that what it disclosed is what it received (R15), so it needs nothing but the
 * package and the key, and reports every difference rather than stopping at the first.
 *
 * <p>Also the command-line tool: {@code java -jar package-verify-cli.jar <package-dir> <public-key>}, exit 0
 * when the package verifies, 1 when it does not, 2 when the check could not be made (arguments, key,
 * directory, a file that cannot be read).
 */
public final class PackageVerifier {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int CANNOT_CHECK = 2;

    private static final Pattern KEY_HEX = Pattern.compile("[0-9a-fA-F]{66}");

    private PackageVerifier() {
    }

    /**
     * Checks the package in {@code dir}.
     *
     * @param compressedPublicKey the card operator's key, a 33-byte compressed SM2 point
     * @throws IllegalArgumentException if the key is not a compressed point of the curve
     * @throws IOException              if the directory or one of its files cannot be read
     */
    public static Report verify(Path dir, byte[] compressedPublicKey) throws IOException {
        Sm2Verifier.checkPublicKey(compressedPublicKey);
        Path manifestFile = dir.resolve(Manifest.FILE);
        Path signatureFile = dir.resolve(Manifest.SIGNATURE_FILE);
        byte[] manifestBytes = Files.isRegularFile(manifestFile) ? Files.readAllBytes(manifestFile) : null;

        Report.Signature signature;
        if (!Files.isRegularFile(signatureFile)) {
            signature = Report.Signature.MISSING;
        } else {
            try {
                byte[] rs = Manifest.parseSignatureFile(Files.readAllBytes(signatureFile));
                signature = manifestBytes != null && Sm2Verifier.verify(compressedPublicKey, manifestBytes, rs)
                        ? Report.Signature.VALID : Report.Signature.INVALID;
            } catch (MalformedManifestException e) {
                signature = Report.Signature.MALFORMED;
            }
        }

        if (manifestBytes == null) {
            return new Report(signature, Optional.of("缺少 " + Manifest.FILE + " / " + Manifest.FILE + " is missing"),
                    0, List.of(), List.of(), List.of());
        }
        Manifest manifest;
        try {
            manifest = Manifest.parse(manifestBytes);
        } catch (MalformedManifestException e) {
            return new Report(signature, Optional.of(e.getMessage()), 0, List.of(), List.of(), List.of());
        }
        return compare(signature, manifest, Manifest.scan(dir));
    }

    private static Report compare(Report.Signature signature, Manifest manifest, Manifest.Scan disk) throws IOException {
        int matching = 0;
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            Path file = disk.files().get(entry.path());
            if (file != null) {
                if (Manifest.sm3(file).equals(entry.sm3())) {
                    matching++;
                } else {
                    changed.add(entry.path());
                }
            } else if (disk.others().contains(entry.path())) {
                changed.add(entry.path());
            } else {
                missing.add(entry.path());
            }
        }
        Map<String, String> listed = manifest.digests();
        List<String> added = new ArrayList<>();
        for (String path : disk.files().keySet()) {
            if (!listed.containsKey(path)) {
                added.add(path);
            }
        }
        for (String path : disk.others()) {
            if (!listed.containsKey(path)) {
                added.add(path);
            }
        }
        added.sort(Manifest.PATH_ORDER);
        return new Report(signature, Optional.empty(), matching, changed, missing, added);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@link #main} without the exit, for tests: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("用法 / usage: java -jar package-verify-cli.jar <封包目录 package-dir> <公钥 public-key>");
            err.println("  公钥：66 位十六进制（33 字节压缩 SM2 公钥），或存放它的文件");
            err.println("  public-key: 66 hex digits (the 33-byte compressed SM2 key), or a file holding them");
            return CANNOT_CHECK;
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            err.println("不是目录 / not a directory: " + dir);
            return CANNOT_CHECK;
        }
        byte[] key;
        try {
            key = readKey(args[1]);
            Sm2Verifier.checkPublicKey(key);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return CANNOT_CHECK;
        } catch (IOException e) {
            err.println("无法读取公钥文件 / cannot read the key file: " + e.getMessage());
            return CANNOT_CHECK;
        }
        Report report;
        try {
            report = verify(dir, key);
        } catch (IOException e) {
            err.println("无法读取封包 / cannot read the package: " + e);
            return CANNOT_CHECK;
        }
        print(report, dir, key, out);
        return report.ok() ? VERIFIED : NOT_VERIFIED;
    }

    /** The key as 66 hex digits, or a file holding them (surrounding white space ignored) or the 33 raw bytes. */
    static byte[] readKey(String argument) throws IOException {
        if (KEY_HEX.matcher(argument).matches()) {
            return HexFormat.of().parseHex(argument);
        }
        Path file = Path.of(argument);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("公钥既不是 66 位十六进制，也不是文件"
                    + " / the public key is neither 66 hex digits nor a file: " + argument);
        }
        byte[] content = Files.readAllBytes(file);
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (KEY_HEX.matcher(text).matches()) {
            return HexFormat.of().parseHex(text);
        }
        if (content.length == Sm2Verifier.PUBLIC_KEY_LENGTH) {
            return content;
        }
        throw new IllegalArgumentException("公钥文件应含 66 位十六进制 / the key file must hold 66 hex digits: " + file);
    }

    static void print(Report report, Path dir, byte[] key, PrintStream out) {
        out.println("信易行结算封包校验 / Xinyixing settlement package check");
        out.println("封包 / Package:      " + dir.toAbsolutePath());
        out.println("公钥 / Public key:   " + HexFormat.of().formatHex(key));
        out.println("签名 / Signature:    " + report.signature().text());
        if (report.malformed().isPresent()) {
            out.println("清单 / Manifest:     格式错误 / malformed: " + report.malformed().get());
        } else {
            int listed = report.matching() + report.changed().size() + report.missing().size();
            out.println("清单 / Manifest:     列出 " + listed + " 个文件 / " + listed + " files listed");
            out.println("一致 / Matching:     " + report.matching());
            list("已改动 / Changed", report.changed(), out);
            list("缺失 / Missing", report.missing(), out);
            list("多出 / Added", report.added(), out);
        }
        out.println(report.ok()
                ? "结论 / Result:       通过：封包与签封时完全一致 / VERIFIED: the package is exactly as sealed"
                : "结论 / Result:       未通过 / NOT VERIFIED");
    }

    private static void list(String title, List<String> paths, PrintStream out) {
        out.println(title + ": " + paths.size());
        paths.forEach(path -> out.println("    " + path));
    }
}
