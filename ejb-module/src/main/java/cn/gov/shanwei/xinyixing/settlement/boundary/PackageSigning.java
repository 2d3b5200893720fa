package cn.gov.shanwei.xinyixing.settlement.boundary;

import java.nio.file.Path;

/** PLACEHOLDER until the seal lands. */
final class PackageSigning {
    static String seal(Path dir) {
        return "0".repeat(64);
    }
}
