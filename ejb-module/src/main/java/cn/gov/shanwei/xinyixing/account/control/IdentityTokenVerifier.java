package cn.gov.shanwei.xinyixing.account.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;

/**
 * Checks the identity token the 善美村居 platform issues for a citizen: signed by a key from the
 * platform's published key set (ES256 or RS256), issued by the platform, meant for this system,
 * not expired, and naming the person (claims {@code id_number}, {@code name}, {@code phone_number}).
 * Each failure says which check failed, so the mini-program can react (renew, or show an error).
 */
public final class IdentityTokenVerifier {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public IdentityTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), keys));
        // Claims are checked below, against our clock and with our own reason codes
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    public Citizen verify(String token) {
        if (token == null || token.isBlank()) {
            throw new IdentityTokenException(TokenProblem.TOKEN_MISSING);
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new IdentityTokenException(TokenProblem.TOKEN_MALFORMED);
        } catch (KeySourceException e) {
            throw new IdentityTokenException(TokenProblem.IDENTITY_UNAVAILABLE);
        } catch (BadJOSEException | JOSEException e) {
            throw new IdentityTokenException(TokenProblem.TOKEN_SIGNATURE_INVALID);
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || clock.instant().isAfter(expiry.toInstant().plus(SKEW))) {
            throw new IdentityTokenException(TokenProblem.TOKEN_EXPIRED);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new IdentityTokenException(TokenProblem.TOKEN_WRONG_ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new IdentityTokenException(TokenProblem.TOKEN_WRONG_AUDIENCE);
        }
        try {
            String idNumber = claims.getStringClaim("id_number");
            String name = claims.getStringClaim("name");
            if (idNumber == null || name == null) {
                throw new IdentityTokenException(TokenProblem.TOKEN_CLAIMS_MISSING);
            }
            return new Citizen(idNumber.strip().toUpperCase(java.util.Locale.ROOT), name, claims.getStringClaim("phone_number"));
        } catch (ParseException e) {
            throw new IdentityTokenException(TokenProblem.TOKEN_CLAIMS_MISSING);
        }
    }
}
