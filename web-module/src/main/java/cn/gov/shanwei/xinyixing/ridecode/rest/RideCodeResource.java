package cn.gov.shanwei.xinyixing.ridecode.rest;

import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.rest.CitizenAuthenticated;
import cn.gov.shanwei.xinyixing.account.rest.MiniProgramResource;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestPatterns;
import cn.gov.shanwei.xinyixing.ridecode.boundary.Credentials;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The 善美码 for the mini-program (R6, R8): the authorisation a phone needs to make codes offline
 * with its own key, and server-made codes (bytes and PNG) for clients that cannot keep a key.
 */
@Path("mp/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@CitizenAuthenticated
@Tag(name = "mini-program")
public class RideCodeResource {

    /** The phone's compressed SM2 public key (33 bytes), Base64; the boundary checks it is a key. */
    public record CredentialRequest(@NotNull @Pattern(regexp = RequestPatterns.BASE64) String userPublicKey) {
    }

    /** Fields 3–16 of the code, Base64; the phone appends the time and its signature. */
    public record CredentialView(String authorisation, Instant expiresAt, String concession, int rateBasisPoints,
                                 long entitlementSerial) {
    }

    /** A whole code, Base64, its QR image as a PNG (Base64) and until when it may be shown. */
    public record CodeView(String code, String png, Instant validUntil) {
    }

    @Context
    ContainerRequestContext request;

    @EJB
    Credentials credentials;

    @POST
    @Path("credential")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "签发/续期乘车授权 / Issue or renew the ride authorisation for the phone's key")
    @MaxBodySize(1024)
    public CredentialView credential(@NotNull @Valid CredentialRequest body) {
        Credentials.Credential credential = credentials.issue(citizen(), Base64.getDecoder().decode(body.userPublicKey()));
        return new CredentialView(Base64.getEncoder().encodeToString(credential.authorisation()),
                credential.expiresAt(), credential.concession(), credential.rateBasisPoints(),
                credential.entitlementSerial());
    }

    @POST
    @Path("credential/lost")
    @Operation(summary = "手机丢失：当前乘车授权立即作废 / Lost phone: the current credential stops at once")
    public Response lost() {
        credentials.reportLost(citizen());
        return Response.noContent().build();
    }

    @POST
    @Path("code")
    @Operation(summary = "服务器生成乘车码及二维码图片 / A server-made ride code with its QR image")
    public CodeView code() {
        Credentials.ServerCode code = credentials.serverCode(citizen(), 6);
        return new CodeView(Base64.getEncoder().encodeToString(code.code()),
                Base64.getEncoder().encodeToString(code.png()), code.validUntil());
    }

    @GET
    @Path("code.png")
    @Produces("image/png")
    @Operation(summary = "服务器生成的乘车码二维码（PNG）/ A server-made ride code as a PNG")
    public Response png() {
        return Response.ok(credentials.serverCode(citizen(), 6).png(), "image/png")
                .header("Cache-Control", "no-store").build();
    }

    private Citizen citizen() {
        return MiniProgramResource.citizenOf(request);
    }
}
