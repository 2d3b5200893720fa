package cn.gov.shanwei.xinyixing.account.control;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
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
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the identity token the 善美村居 platform issues for a citizen: signed by a key from the
 * platform's published key set with one of the two algorithms the platform uses (ES256 or RS256;
 * anything else, {@code none} and the HMAC family above all, is refused before any key is looked
 * at, so a public key can never be turned into an HMAC secret), issued by the platform, meant for
 * this system, inside its validity window ({@code nbf}, {@code exp}), issued in the past
 * ({@code iat}) and not too long ago, and not valid for longer than the configured maximum
 * lifetime. A stolen token therefore is worth at most that lifetime, whatever {@code exp} it
 * claims. Each failure says which check failed, so the mini-program can react (renew, or show an
 * error).
 */
public final class IdentityTokenVerifier {

    /** Clock difference tolerated between the platform and us, for every time claim. */
    static final Duration SKEW = Duration.ofSeconds(30);

    /** The longest a token may live ({@code exp − iat}) and the oldest it may be ({@code now − iat}). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(1);

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final Duration maxLifetime;

    public IdentityTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock) {
        this(keys, issuer, audience, clock, DEFAULT_MAX_LIFETIME);
    }

    public IdentityTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock,
                                 Duration maxLifetime) {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("maximum token lifetime must be positive");
        }
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        // Claims are checked below, against our clock and with our own reason codes
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    public Citizen verify(String token) {
        if (token == null || token.isBlank()) {
            throw new IdentityTokenException(TokenProblem.TOKEN_MISSING);
        }
        refuseUnexpectedAlgorithm(token);
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
        if (!issuer.equals(claims.getIssuer())) {
            throw new IdentityTokenException(TokenProblem.TOKEN_WRONG_ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new IdentityTokenException(TokenProblem.TOKEN_WRONG_AUDIENCE);
        }
        checkTimes(claims);
        try {
            String idNumber = claims.getStringClaim("id_number");
            String name = claims.getStringClaim("name");
            if (idNumber == null || name == null) {
                throw new IdentityTokenException(TokenProblem.TOKEN_CLAIMS_MISSING);
            }
            return new Citizen(idNumber.strip().toUpperCase(Locale.ROOT), name, claims.getStringClaim("phone_number"));
        } catch (ParseException e) {
            throw new IdentityTokenException(TokenProblem.TOKEN_CLAIMS_MISSING);
        }
    }

    /**
     * The header is read on its own first: an unsigned ({@code alg=none}), HMAC or encrypted token
     * gets its own code instead of a generic signature failure, and never reaches key selection.
     */
    private static void refuseUnexpectedAlgorithm(String token) {
        Algorithm algorithm;
        try {
            algorithm = Header.parse(com.nimbusds.jose.util.Base64URL.from(token.split("\\.", 2)[0])).getAlgorithm();
        } catch (ParseException | RuntimeException e) {
            throw new IdentityTokenException(TokenProblem.TOKEN_MALFORMED);
        }
        if (!(algorithm instanceof JWSAlgorithm jws) || !ACCEPTED.contains(jws)) {
            throw new IdentityTokenException(TokenProblem.TOKEN_ALGORITHM_REFUSED);
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expiry == null || issued == null) {
            // Without both the lifetime cannot be bounded
            throw new IdentityTokenException(TokenProblem.TOKEN_CLAIMS_MISSING);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore.toInstant())) {
            throw new IdentityTokenException(TokenProblem.TOKEN_NOT_YET_VALID);
        }
        if (now.plus(SKEW).isBefore(issued.toInstant())) {
            throw new IdentityTokenException(TokenProblem.TOKEN_ISSUED_IN_FUTURE);
        }
        if (Duration.between(issued.toInstant(), now).compareTo(maxLifetime.plus(SKEW)) > 0) {
            throw new IdentityTokenException(TokenProblem.TOKEN_TOO_OLD);
        }
        if (now.isAfter(expiry.toInstant().plus(SKEW))) {
            throw new IdentityTokenException(TokenProblem.TOKEN_EXPIRED);
        }
        if (Duration.between(issued.toInstant(), expiry.toInstant()).compareTo(maxLifetime) > 0) {
            throw new IdentityTokenException(TokenProblem.TOKEN_LIFETIME_TOO_LONG);
        }
    }
}
