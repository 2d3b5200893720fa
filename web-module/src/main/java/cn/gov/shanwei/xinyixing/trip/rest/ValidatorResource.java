package cn.gov.shanwei.xinyixing.trip.rest;

import cn.gov.shanwei.xinyixing.platform.rest.Between;
import cn.gov.shanwei.xinyixing.platform.rest.ItemCount;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestPatterns;
import cn.gov.shanwei.xinyixing.trip.boundary.DeviceSync;
import cn.gov.shanwei.xinyixing.trip.boundary.Scans;
import cn.gov.shanwei.xinyixing.trip.boundary.UploadRecord;
import cn.gov.shanwei.xinyixing.trip.boundary.Uploads;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The validator API (R7, R8), every request signed by its device: the online scan, which prices the ride
 * from the device's route and answers with the stored trip, and the synchronisation an offline validator
 * needs (CA keys, blacklist delta, its settings). The vendor guide in {@code validator-kit/README.md}
 * documents the signing scheme and every code.
 */
@Path("validator/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@DeviceSigned
@Tag(name = "validator", description = "车载验票机接口（设备签名）/ Bus validator API (device-signed)")
public class ValidatorResource {

    /**
     * A scan: the device's transaction serial (its retry key) and the code's raw bytes (Base64; a code is
     * a few hundred bytes, the body at most 4 KiB).
     */
    public record ScanRequest(@NotNull @Between(min = 0, max = Long.MAX_VALUE) Long serial,
                              @NotNull @Pattern(regexp = RequestPatterns.BASE64) String code) {
    }

    /** The decision: OK or the first failed check, the stored trip, and the money when accepted. */
    public record ScanResult(long tripId, String reason, String message, Integer originalFen, Integer discountFen,
                             Integer chargedFen) {
    }

    /**
     * An offline upload: 1–500 records. Only the envelope is checked here; each record is judged alone by
     * the boundary, so one bad record does not refuse the batch.
     */
    public record UploadRequest(@ItemCount(max = Uploads.MAX_RECORDS) List<UploadRecord> records) {
    }

    @EJB
    Scans scans;

    @EJB
    Uploads uploads;

    @EJB
    DeviceSync sync;

    @Context
    ContainerRequestContext request;

    @POST
    @Path("scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "在线验码：按线路票价计费并记录行程 / Online check: priced by the route, stored as a trip")
    @MaxBodySize(4 * 1024)
    public ScanResult scan(@NotNull @Valid ScanRequest body) {
        Scans.Answer answer = scans.scan(DeviceSignatureFilter.deviceOf(request), body.serial(),
                Base64.getDecoder().decode(body.code()));
        return new ScanResult(answer.tripId(), answer.reason().name(), answer.reason().message(),
                answer.originalFen(), answer.discountFen(), answer.chargedFen());
    }

    @POST
    @Path("trips")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "离线记录上传（设备号+交易序号幂等）/ Offline upload, idempotent on device and serial")
    @MaxBodySize(Uploads.MAX_RECORDS * 1024)
    public Uploads.Outcome upload(@NotNull @Valid UploadRequest body) {
        List<UploadRecord> records = body.records().stream()
                .map(r -> r == null ? new UploadRecord(null, null, null, null, null, null) : r).toList();
        return uploads.upload(DeviceSignatureFilter.deviceOf(request), records);
    }

    @GET
    @Path("sync")
    @Operation(summary = "离线同步：根公钥、黑名单增量、设备参数 / Offline sync: CA keys, blacklist delta, settings")
    public DeviceSync.Sync sync(@QueryParam("blacklistSince") long blacklistSince, @QueryParam("backlog") Integer backlog) {
        return sync.sync(DeviceSignatureFilter.deviceOf(request), blacklistSince, backlog);
    }
}
