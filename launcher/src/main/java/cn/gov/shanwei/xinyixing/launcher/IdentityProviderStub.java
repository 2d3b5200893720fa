package cn.gov.shanwei.xinyixing.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
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

    private String token(String idNumber, String name, String phone, String audience, Instant expiry, ECKey signingKey) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(audience).subject(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim("id_number", idNumber).claim("name", name);
        if (phone != null) {
            claims.claim("phone_number", phone);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
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
