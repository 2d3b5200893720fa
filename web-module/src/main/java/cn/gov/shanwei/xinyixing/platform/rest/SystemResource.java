package cn.gov.shanwei.xinyixing.platform.rest;

import cn.gov.shanwei.xinyixing.platform.migration.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What is running: the application and the schema version, for operators and integrators. */
@Path("v1/system")
@RequestScoped
@Tag(name = "system", description = "系统信息 / System information")
public class SystemResource {

    /** A version a client can compare; never a build path or anything about the host. */
    public record SystemInfo(String name, String apiVersion, String schemaVersion) {
    }

    @EJB
    SchemaMigration schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "系统名称与数据库版本 / Name and schema version")
    public SystemInfo info() {
        return new SystemInfo("信易行 Xinyixing", "1", schema.schemaVersion());
    }
}
