package cn.gov.shanwei.xinyixing.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class IdentityTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final String PERSON = "441502198503120020";

    private final ECKey ecKey;
    private final RSAKey rsaKey;
    private final IdentityTokenVerifier verifier;

    IdentityTokenVerifierTest() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        verifier = new IdentityTokenVerifier(
                new ImmutableJWKSet<SecurityContext>(new JWKSet(java.util.List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK()))),
                "shanmei-cunju", "xinyixing", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(60));
    }

    /** Claims as the platform issues them: issued a minute ago, valid ten minutes. */
    private static JWTClaimsSet.Builder good() {
        return new JWTClaimsSet.Builder().issuer("shanmei-cunju").audience("xinyixing").subject("s-1")
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plusSeconds(540)))
                .claim("id_number", PERSON).claim("name", "陈志明");
    }

    private String es256(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                change.apply(good()).build());
        jwt.sign(new ECDSASigner(ecKey));
        return jwt.serialize();
    }

    private TokenProblem refusal(String token) {
        return assertThrows(IdentityTokenException.class, () -> verifier.verify(token)).problem();
    }

    @Test
    void aTokenAsThePlatformIssuesItIsAcceptedWithBothAlgorithms() throws Exception {
        assertEquals(PERSON, verifier.verify(es256(c -> c)).idNumber());
        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), good().build());
        rs.sign(new RSASSASigner(rsaKey));
        assertEquals("陈志明", verifier.verify(rs.serialize()).name());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertEquals(TokenProblem.TOKEN_ALGORITHM_REFUSED, refusal(new PlainJWT(good().build()).serialize()));
    }

    @Test
    void aSignedTokenRewrittenToAlgNoneIsRefused() throws Exception {
        String[] parts = es256(c -> c).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"ec-1\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertEquals(TokenProblem.TOKEN_ALGORITHM_REFUSED, refusal(none));
        String noneWithSignature = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
        assertEquals(TokenProblem.TOKEN_ALGORITHM_REFUSED, refusal(noneWithSignature));
    }

    @Test
    void hs256WithThePublishedPublicKeyAsSecretIsRefused() throws Exception {
        // The classic confusion attack: the public key (known to everyone) used as the HMAC secret
        byte[] secret = MessageDigest.getInstance("SHA-256").digest(rsaKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), good().build());
        hs.sign(new MACSigner(secret));
        assertEquals(TokenProblem.TOKEN_ALGORITHM_REFUSED, refusal(hs.serialize()));
        SignedJWT hsPem = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), good().build());
        hsPem.sign(new MACSigner(rsaKey.toPublicKey().getEncoded()));
        assertEquals(TokenProblem.TOKEN_ALGORITHM_REFUSED, refusal(hsPem.serialize()));
    }

    @Test
    void otherAsymmetricAlgorithmsAreRefusedToo() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        SignedJWT es384 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-1").build(), good().build());
        es384.sign(new ECDSASigner(p384));
        assertEquals(TokenProblem.TOKEN_ALGORITHM_REFUSED, refusal(es384.serialize()));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), good().build());
        jwt.sign(new ECDSASigner(other));
        assertEquals(TokenProblem.TOKEN_SIGNATURE_INVALID, refusal(jwt.serialize()));
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(TokenProblem.TOKEN_MALFORMED, refusal("not.a.token"));
        assertEquals(TokenProblem.TOKEN_MALFORMED, refusal("%%%"));
        assertEquals(TokenProblem.TOKEN_MISSING, refusal(" "));
    }

    @Test
    void wrongIssuerAndAudienceAreRefused() throws Exception {
        assertEquals(TokenProblem.TOKEN_WRONG_ISSUER, refusal(es256(c -> c.issuer("someone-else"))));
        assertEquals(TokenProblem.TOKEN_WRONG_ISSUER, refusal(es256(c -> c.issuer(null))));
        assertEquals(TokenProblem.TOKEN_WRONG_AUDIENCE, refusal(es256(c -> c.audience("another-app"))));
    }

    @Test
    void aTokenFromTheFutureIsRefused() throws Exception {
        assertEquals(TokenProblem.TOKEN_ISSUED_IN_FUTURE, refusal(es256(c -> c
                .issueTime(Date.from(NOW.plusSeconds(120))).expirationTime(Date.from(NOW.plusSeconds(600))))));
    }

    @Test
    void clockSkewWithinThirtySecondsIsTolerated() throws Exception {
        assertEquals(PERSON, verifier.verify(es256(c -> c
                .issueTime(Date.from(NOW.plusSeconds(20))).notBeforeTime(Date.from(NOW.plusSeconds(20)))
                .expirationTime(Date.from(NOW.plusSeconds(600))))).idNumber());
        assertEquals(PERSON, verifier.verify(es256(c -> c
                .issueTime(Date.from(NOW.minusSeconds(600))).expirationTime(Date.from(NOW.minusSeconds(20))))).idNumber());
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        assertEquals(TokenProblem.TOKEN_NOT_YET_VALID, refusal(es256(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(300))))));
        assertEquals(PERSON, verifier.verify(es256(c -> c.notBeforeTime(Date.from(NOW.minusSeconds(30))))).idNumber());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertEquals(TokenProblem.TOKEN_EXPIRED, refusal(es256(c -> c
                .issueTime(Date.from(NOW.minusSeconds(900))).expirationTime(Date.from(NOW.minusSeconds(300))))));
    }

    @Test
    void aTokenIssuedTooLongAgoIsRefusedEvenIfItClaimsToBeValid() throws Exception {
        assertEquals(TokenProblem.TOKEN_TOO_OLD, refusal(es256(c -> c
                .issueTime(Date.from(NOW.minus(Duration.ofMinutes(61)))).expirationTime(Date.from(NOW.plusSeconds(300))))));
    }

    @Test
    void aTokenValidForLongerThanTheMaximumIsRefused() throws Exception {
        assertEquals(TokenProblem.TOKEN_LIFETIME_TOO_LONG, refusal(es256(c -> c
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plus(Duration.ofDays(365)))))));
        assertEquals(PERSON, verifier.verify(es256(c -> c
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plus(Duration.ofMinutes(59)))))).idNumber(),
                "exactly the maximum is allowed");
    }

    @Test
    void timeClaimsAreRequired() throws Exception {
        assertEquals(TokenProblem.TOKEN_CLAIMS_MISSING, refusal(es256(c -> c.issueTime(null))));
        assertEquals(TokenProblem.TOKEN_CLAIMS_MISSING, refusal(es256(c -> c.expirationTime(null))));
        assertEquals(TokenProblem.TOKEN_CLAIMS_MISSING, refusal(es256(c -> c.claim("id_number", null))));
    }
}
