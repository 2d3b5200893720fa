package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.settlement.control.PackageSeal;
import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import cn.gov.shanwei.xinyixing.seal.Report;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a sealed package as it lies on disk now against the card operator's public key (R15): the
 * signature over the manifest, and every file changed, missing or added since it was sealed. The same
 * check the bureau runs with the command-line tool.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
public class PackageVerification {

    /** The verdict, as staff and the API see it. */
    public record Result(boolean ok, String signature, String malformed, List<String> changed, List<String> missing,
                         List<String> added) {
    }

    @EJB
    AnnualSettlement settlement;

    @Inject
    SigningKey signingKey;

    public Result verify(long runId) {
        SettlementRun run = settlement.find(runId);
        if (run.packageDir() == null) {
            throw new SettlementRefused(SettlementProblem.NOT_SEALED);
        }
        try {
            Report report = PackageSeal.verify(Path.of(run.packageDir()), signingKey.publicKey());
            return new Result(report.ok(), report.signature().name(), report.malformed().orElse(null), report.changed(),
                    report.missing(), report.added());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key packages are checked with: 33-byte compressed SM2, as 66 hex digits. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(signingKey.publicKey().encoded());
    }
}
