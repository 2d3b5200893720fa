package cn.gov.shanwei.xinyixing.account;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.launcher.IdentityProviderStub;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mini-program API (R6, R9): identity tokens, the credit file, opening and closing accounts. */
public abstract class MiniProgramChecks {

    /** A person on the red list today, registered in Shanwei. */
    static String redListed() throws Exception {
        String person = TestPeople.shanwei();
        HttpResponse<String> pushed = PlatformClient.pushRest(signed(PlatformClient.nextSequence(),
                List.of(add(person, "BLOOD_DONOR", blood(4200), Residency.HOUSEHOLD))));
        assertEquals(200, pushed.statusCode(), pushed.body());
        return person;
    }

    @Test
    void aGoodTokenOpensTheCreditFileWithTodaysConcession() throws Exception {
        String person = redListed();
        HttpResponse<String> response = MiniProgramClient.asCitizen(person, "王小明").get("/api/mp/v1/profile");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject profile = Http.json(response);
        assertEquals("4415**********" + person.substring(14), profile.getString("idNumberMasked"));
        assertEquals("王**", profile.getString("nameMasked"));
        assertEquals("BLOOD_DONOR", profile.getJsonArray("listings").getJsonObject(0).getString("categoryCode"));
        assertEquals("2027-12-31", profile.getJsonArray("listings").getJsonObject(0).getString("validTo"));
        assertTrue(profile.getJsonObject("today").getBoolean("eligible"));
        assertEquals(5000, profile.getJsonObject("today").getInt("rateBasisPoints"));
        assertFalse(response.body().contains(person), "the plain ID number never goes back");
    }

    @Test
    void badTokensAreRefusedWithTheirReason() throws Exception {
        String person = TestPeople.shanwei();
        IdentityProviderStub idp = RunningSystem.identityProvider();
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertRefused(MiniProgramClient.withToken(null), "TOKEN_MISSING");
        assertRefused(MiniProgramClient.withToken("not.a.token"), "TOKEN_MALFORMED");
        assertRefused(MiniProgramClient.withToken(idp.token(person, "甲", null, IdentityProviderStub.AUDIENCE,
                Instant.now().minus(Duration.ofMinutes(5)))), "TOKEN_EXPIRED");
        assertRefused(MiniProgramClient.withToken(idp.token(person, "甲", null, "another-app", later)),
                "TOKEN_WRONG_AUDIENCE");
        assertRefused(MiniProgramClient.withToken(idp.forgedToken(person, "甲")), "TOKEN_SIGNATURE_INVALID");
        assertEquals(200, MiniProgramClient.withToken(idp.token(person, "甲", null, IdentityProviderStub.AUDIENCE, later))
                .get("/api/mp/v1/profile").statusCode(), "the same token, rightly made, is accepted");
    }

    @Test
    void openingNeedsConsentAndA信易行AccountNeedsEligibility() throws Exception {
        MiniProgramClient stranger = MiniProgramClient.asCitizen(TestPeople.shanwei(), "李四");
        HttpResponse<String> noConsent = stranger.post("/api/mp/v1/account", "{\"accountType\":\"STANDARD\"}");
        assertEquals(422, noConsent.statusCode());
        assertEquals("CONSENT_REQUIRED", Http.json(noConsent).getString("code"));

        HttpResponse<String> notEligible = stranger.openAccount("XINYIXING");
        assertEquals(422, notEligible.statusCode(), notEligible.body());
        assertEquals("NOT_ELIGIBLE", Http.json(notEligible).getString("code"));
        assertTrue(Http.json(notEligible).getJsonArray("reasons").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList().contains("NO_QUALIFYING_ENTRY"));

        assertEquals(422, stranger.openAccount("ASTRONAUT").statusCode());
        assertEquals(201, stranger.openAccount("STANDARD").statusCode());
    }

    @Test
    void anEligibleCitizenOpensOneAccountAndClosingItRevokesTheCode() throws Exception {
        MiniProgramClient citizen = MiniProgramClient.asCitizen(redListed(), "赵六");
        HttpResponse<String> opened = citizen.openAccount("XINYIXING");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject account = Http.json(opened);
        assertEquals("OPEN", account.getString("status"));
        assertEquals(10, account.getString("userAccountNo").length());
        assertEquals("138****8000", account.getString("phoneMasked"));

        assertEquals(409, citizen.openAccount("XINYIXING").statusCode(), "one open account per person");

        HttpResponse<String> closed = citizen.delete("/api/mp/v1/account");
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("CLOSED", Http.json(closed).getString("status"));
        assertEquals("NONE", Http.json(citizen.get("/api/mp/v1/profile")).getString("accountStatus"));
        assertEquals(404, citizen.delete("/api/mp/v1/account").statusCode());
    }

    private static void assertRefused(MiniProgramClient client, String code) throws Exception {
        HttpResponse<String> response = client.get("/api/mp/v1/profile");
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("code"));
    }
}
