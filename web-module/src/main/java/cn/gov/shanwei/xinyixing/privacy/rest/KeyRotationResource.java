package cn.gov.shanwei.xinyixing.privacy.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.privacy.boundary.KeyRotation;
import cn.gov.shanwei.xinyixing.privacy.boundary.RotationProgress;
import cn.gov.shanwei.xinyixing.privacy.boundary.RotationRefused;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Starts and continues a rotation of the personal-data keys. ADMIN only, by the container
 * ({@code web.xml} constrains {@code /api/admin/*} to the role; the session comes from the staff
 * sign-in). The body must be JSON, which a cross-site form cannot send without the browser asking first.
 */
@Path("admin/v1/personal-data/rotation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "系统管理 / Administration")
public class KeyRotationResource {

    /**
     * @param toVersion the key version to put in force and move every row to
     * @param maxRows   at most this many rows in this call (default 5000); call again to continue
     * @param chunkSize rows per transaction (default 200, at most 500)
     */
    public record Request(Integer toVersion, Integer maxRows, Integer chunkSize) {
    }

    public record Progress(int keyVersion, int moved, long remaining, long indexOnlyRemaining, List<String> refused,
                           long millis, long rowsPerSecond, boolean complete) {

        static Progress of(RotationProgress progress) {
            return new Progress(progress.keyVersion(), progress.moved(), progress.remaining(), progress.indexOnlyRemaining(),
                    progress.refused(), progress.millis(), progress.rowsPerSecond(), progress.complete());
        }
    }

    @EJB
    KeyRotation rotation;

    @GET
    @Operation(summary = "密钥轮换进度 / Progress of the key rotation")
    public Progress status() {
        return Progress.of(rotation.status());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "启用密钥版本并迁移数据（分批，可续做）/ Put a key version in force and move rows to it (chunked, resumable)")
    public Response rotate(Request request) {
        if (request == null || request.toVersion() == null) {
            return Response.status(400).entity(new ApiError(RotationRefused.Code.KEY_VERSION_MISSING.name(),
                    "缺少目标密钥版本 / toVersion is required")).build();
        }
        try {
            RotationProgress progress = rotation.rotate(request.toVersion(),
                    request.maxRows() == null ? 5000 : request.maxRows(),
                    request.chunkSize() == null ? 200 : request.chunkSize());
            return Response.ok(Progress.of(progress)).build();
        } catch (RotationRefused e) {
            return Response.status(422).entity(new ApiError(e.code().name(), e.getMessage())).build();
        }
    }
}
