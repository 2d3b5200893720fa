package cn.gov.shanwei.xinyixing.seal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking a sealed package found. The package verifies ({@link #ok()}) only when the signature is valid,
 * the manifest is well formed and every file on disk is exactly the one listed: nothing changed, missing or
 * added. Paths are relative to the package, {@code /}-separated, in manifest order.
 *
 * @param signature        the state of {@code MANIFEST.sig} against the given key
 * @param malformed        why the manifest could not be read, if it could not (then no file is compared)
 * @param matching         how many listed files are on disk with the listed digest
 * @param changed          listed, on disk, with another digest (or no longer a regular file)
 * @param missing          listed, not on disk
 * @param added            on disk, not listed
 */
public record Report(Signature signature, Optional<String> malformed, int matching,
                     List<String> changed, List<String> missing, List<String> added) {

    /** The outcome of the signature check. */
    public enum Signature {
        VALID("有效", "valid"),
        INVALID("无效（与公钥不符，或清单已被改动）", "invalid (not made with this key, or the manifest was altered)"),
        MISSING("缺少 " + Manifest.SIGNATURE_FILE, Manifest.SIGNATURE_FILE + " is missing"),
        MALFORMED(Manifest.SIGNATURE_FILE + " 格式不正确", Manifest.SIGNATURE_FILE + " is not in the format");

        private final String chinese;
        private final String english;

        Signature(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        /** "中文 / English", as the report prints it. */
        public String text() {
            return chinese + " / " + english;
        }
    }

    public Report {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(malformed, "malformed");
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
        added = List.copyOf(added);
    }

    public boolean signatureValid() {
        return signature == Signature.VALID;
    }

    /** True when the package is exactly what was sealed with the key. */
    public boolean ok() {
        return signatureValid() && malformed.isEmpty() && changed.isEmpty() && missing.isEmpty() && added.isEmpty();
    }
}
