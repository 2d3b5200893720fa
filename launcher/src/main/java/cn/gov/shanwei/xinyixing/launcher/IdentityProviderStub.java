package cn.gov.shanwei.xinyixing.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the 善美村居 identity platform, for the embedded system and its tests: it
 * publishes an ES256 key set at {@code /jwks.json} and mints real-name identity tokens at
 * {@code /token?idNumber=…&name=…&phone=…}, as the platform does for a logged-in citizen. Real HTTP on
 * loopback, real signatures; the production system points at the platform's own key set instead.
 */
public final class IdentityProviderStub implements AutoCloseable {

    public static final String ISSUER = "shanmei-cunju";
    public static final String AUDIENCE = "xinyixing";

    private final HttpServer server;
    private final ECKey key;

    private IdentityProviderStub(HttpServer server, ECKey key) {
        this.server = server;
        this.key = key;
    }

    public static IdentityProviderStub start(int port) throws IOException {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            IdentityProviderStub stub = new IdentityProviderStub(server, key);
            server.createContext("/jwks.json", exchange ->
                    StubResponses.json(exchange, 200, new JWKSet(key.toPublicJWK()).toString(true)));
            server.createContext("/token", stub::token);
            server.start();
            return stub;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the identity provider's key", e);
        }
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** A token as the platform issues it, valid for ten minutes. */
    public String token(String idNumber, String name, String phone) {
        return token(idNumber, name, phone, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10)), key);
    }

    /** A token signed by this provider with any audience and expiry, for tests of the wrong ones. */
    public String token(String idNumber, String name, String phone, String audience, Instant expiry) {
        return token(idNumber, name, phone, audience, expiry, key);
    }

    /** A token that looks right but is signed by a key the provider never published. */
    public String forgedToken(String idNumber, String name) {
        try {
            ECKey forger = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
            return token(idNumber, name, null, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10)), forger);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token signed by this provider with the given issuer and times ({@code notBefore} may be
     * null), for tests of tokens from the future, too old, not yet valid or living too long.
     */
    public String token(String idNumber, String name, String issuer, Instant issuedAt, Instant notBefore, Instant expiry) {
        JWTClaimsSet.Builder claims = claims(idNumber, name, null, AUDIENCE).issuer(issuer)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiry));
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        return sign(claims.build(), key);
    }

    /** The same claims as a good token, but unsigned ({@code alg=none}). */
    public String unsignedToken(String idNumber, String name) {
        return new PlainJWT(claims(idNumber, name, null, AUDIENCE)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build()).serialize();
    }

    /**
     * The same claims as a good token, HS256-"signed" with the published public key (its JWK
     * JSON) as the secret: what an attacker who read the key set would send.
     */
    public String publicKeyHmacToken(String idNumber, String name) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims(idNumber, name, null, AUDIENCE).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build());
        try {
            jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static JWTClaimsSet.Builder claims(String idNumber, String name, String phone, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(audience).subject(UUID.randomUUID().toString())
                .issueTime(new Date())
                .claim("id_number", idNumber).claim("name", name);
        if (phone != null) {
            claims.claim("phone_number", phone);
        }
        return claims;
    }

    private String token(String idNumber, String name, String phone, String audience, Instant expiry, ECKey signingKey) {
        return sign(claims(idNumber, name, phone, audience).expirationTime(Date.from(expiry)).build(), signingKey);
    }

    private static String sign(JWTClaimsSet claims, ECKey signingKey) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = StubResponses.query(exchange);
        if (query.get("idNumber") == null || query.get("name") == null) {
            StubResponses.json(exchange, 400, "{\"code\":\"PARAMETERS_MISSING\",\"message\":\"idNumber and name are required\"}");
            return;
        }
        StubResponses.json(exchange, 200, "{\"token\":\"" + token(query.get("idNumber"), query.get("name"), query.get("phone")) + "\"}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
