package cn.gov.shanwei.xinyixing.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.gov.shanwei.xinyixing.launcher.IdentityProviderStub;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Identity tokens an attacker or a broken client would send, through {@code /api/mp/v1/profile}:
 * the algorithm, the issuer and every time claim are checked on the real server, each refusal
 * with its own code (the server's maximum lifetime is the default hour).
 */
public abstract class IdentityTokenChecks {

    private final IdentityProviderStub idp = RunningSystem.identityProvider();
    private final String person = TestPeople.shanwei();

    @Test
    void unsignedAndHmacTokensAreRefusedByAlgorithm() throws Exception {
        assertRefused(idp.unsignedToken(person, "甲"), "TOKEN_ALGORITHM_REFUSED");
        assertRefused(idp.publicKeyHmacToken(person, "甲"), "TOKEN_ALGORITHM_REFUSED");
    }

    @Test
    void timeClaimsAndIssuerAreChecked() throws Exception {
        Instant now = Instant.now();
        String issuer = IdentityProviderStub.ISSUER;
        assertRefused(idp.token(person, "甲", "someone-else", now, null, now.plusSeconds(600)), "TOKEN_WRONG_ISSUER");
        assertRefused(idp.token(person, "甲", issuer, now.plus(Duration.ofMinutes(5)), null, now.plus(Duration.ofMinutes(15))),
                "TOKEN_ISSUED_IN_FUTURE");
        assertRefused(idp.token(person, "甲", issuer, now.minus(Duration.ofHours(2)), null, now.plusSeconds(600)), "TOKEN_TOO_OLD");
        assertRefused(idp.token(person, "甲", issuer, now, now.plus(Duration.ofMinutes(5)), now.plusSeconds(900)),
                "TOKEN_NOT_YET_VALID");
        assertRefused(idp.token(person, "甲", issuer, now, null, now.plus(Duration.ofDays(30))), "TOKEN_LIFETIME_TOO_LONG");

        HttpResponse<String> good = MiniProgramClient.withToken(idp.token(person, "甲", issuer, now, now, now.plusSeconds(600)))
                .get("/api/mp/v1/profile");
        assertEquals(200, good.statusCode(), "the same claims within the limits are accepted: " + good.body());
    }

    private void assertRefused(String token, String code) throws Exception {
        HttpResponse<String> response = MiniProgramClient.withToken(token).get("/api/mp/v1/profile");
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("code"));
        assertFalse(response.body().contains(person));
    }
}
