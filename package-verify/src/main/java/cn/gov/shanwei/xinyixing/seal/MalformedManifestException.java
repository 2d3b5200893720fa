package cn.gov.shanwei.xinyixing.seal;

/**
 * A manifest or signature file that is not exactly the format. Checked: a verifier must say so in its report
 * rather than stop.
 */
public final class MalformedManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedManifestException(String message) {
        super(message);
    }

    public MalformedManifestException(int line, String problem) {
        super("第 " + line + " 行 / line " + line + ": " + problem);
    }
}
