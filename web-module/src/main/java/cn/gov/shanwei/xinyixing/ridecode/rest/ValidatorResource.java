package cn.gov.shanwei.xinyixing.ridecode.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiKeyProtected;
import cn.gov.shanwei.xinyixing.platform.rest.Between;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestPatterns;
import cn.gov.shanwei.xinyixing.ridecode.boundary.Blacklist;
import cn.gov.shanwei.xinyixing.ridecode.boundary.RideCodeKeys;
import cn.gov.shanwei.xinyixing.ridecode.boundary.ServerVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The validator API (R7, R8): the CA key set to pin, the blacklist by version, and the online scan
 * decision with a reason code for every refusal. Validators present their API key.
 */
@Path("validator/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiKeyProtected("xinyixing.validator.api-key")
@Tag(name = "validator", description = "车载验票机接口 / Bus validator API")
public class ValidatorResource {

    /** A central CA public key by its index, compressed, hex. */
    public record CaKey(int index, String publicKey) {
    }

    /**
     * A scan: the code's raw bytes (Base64; a code is a few hundred bytes, the body at most 4 KiB)
     * and the route's fare in fen (at most 100 yuan).
     */
    public record ScanRequest(@NotNull @Pattern(regexp = RequestPatterns.BASE64) String code,
                              @NotNull @Between(min = 0, max = 10_000) Integer fareFen) {
    }

    /** The decision: OK or the first failed check, and the fare to charge. */
    public record ScanResult(String reason, String message, Integer originalFen, Integer discountFen, Integer chargedFen) {
    }

    @EJB
    RideCodeKeys keys;

    @EJB
    Blacklist blacklist;

    @EJB
    ServerVerifier verifier;

    @GET
    @Path("keys")
    @Operation(summary = "中心 CA 公钥 / Central CA public keys by index")
    public List<CaKey> keys() {
        return keys.chain().map(chain -> chain.caKeys().entrySet().stream()
                        .map(e -> new CaKey(e.getKey(), HexFormat.of().formatHex(e.getValue().encoded())))
                        .toList())
                .orElse(List.of());
    }

    @GET
    @Path("blacklist")
    @Operation(summary = "黑名单（全量或自某版本起的增量）/ Blacklist, full or since a version")
    public Blacklist.Delta blacklist(@QueryParam("sinceVersion") long sinceVersion) {
        return blacklist.since(sinceVersion);
    }

    @POST
    @Path("scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "在线验码与计费 / Online check of a scanned code and its fare")
    @MaxBodySize(4 * 1024)
    public ScanResult scan(@NotNull @Valid ScanRequest body) {
        Verification result = verifier.verify(Base64.getDecoder().decode(body.code()), body.fareFen());
        return new ScanResult(result.reason().name(), result.reason().message(),
                result.fare() == null ? null : result.fare().originalFen(),
                result.fare() == null ? null : result.fare().discountFen(),
                result.fare() == null ? null : result.fare().chargedFen());
    }
}
