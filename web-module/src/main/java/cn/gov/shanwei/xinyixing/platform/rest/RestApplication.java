package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * All JSON APIs live under {@code /api}; their OpenAPI document is served by the server at
 * {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "信易行 Xinyixing API",
        version = "1",
        description = "Shanwei 信易行: red-list intake, mini-program and validator APIs. "
                + "Every rejection carries a stable code and a message."))
public class RestApplication extends Application {
}
