package cn.gov.shanwei.xinyixing.ridecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.eligibility.EligibilityChecks;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.system.AtOnce;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revocation as a cut-off (every serial of the account up to the newest), checked in both orders of
 * a lost phone and a new one, and for each fact that ends the right to ride on a code: another
 * concession registered by the card operator, the entitlement's own end date, two phones at once.
 */
public abstract class RevocationChecks {

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String scan(Rider phone, JsonObject credential) throws Exception {
        return ValidatorClient.scan(phone.code(credential, now())).getString("reason");
    }

    @Test
    void aNewPhonesCredentialFetchedBeforeTheLossReportStopsTooAndTheNextOneWorks() throws Exception {
        Rider oldPhone = Rider.signedUp();
        JsonObject stolen = oldPhone.credential();
        Rider newPhone = oldPhone.onAnotherPhone();
        JsonObject early = newPhone.credential();

        assertEquals(204, oldPhone.app().post("/api/mp/v1/credential/lost", "").statusCode());

        assertEquals("REVOKED", scan(oldPhone, stolen), "the stolen phone must stop although a newer serial exists");
        assertEquals("REVOKED", scan(newPhone, early), "a cut-off covers every serial issued before the report");
        JsonObject fresh = newPhone.credential();
        assertEquals("OK", scan(newPhone, fresh));
        assertEquals("REVOKED", scan(oldPhone, stolen));
    }

    @Test
    void aNewPhonesCredentialFetchedAfterTheLossReportWorksAndTheOldOneStaysStopped() throws Exception {
        Rider oldPhone = Rider.signedUp();
        JsonObject stolen = oldPhone.credential();
        long before = blacklistVersion();

        assertEquals(204, oldPhone.app().post("/api/mp/v1/credential/lost", "").statusCode());
        Rider newPhone = oldPhone.onAnotherPhone();
        JsonObject fresh = newPhone.credential();

        assertEquals("OK", scan(newPhone, fresh));
        assertEquals("REVOKED", scan(oldPhone, stolen));
        // What a validator downloads: one cut-off at the stolen credential's serial
        JsonObject entry = ValidatorClient.blacklist(before)
                .getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("paymentAccountNo").equals(Rider.authorisation(stolen).paymentAccount()))
                .findFirst().orElseThrow();
        assertEquals("PHONE_LOST", entry.getString("reason"));
        assertEquals(stolen.getJsonNumber("entitlementSerial").longValue(),
                entry.getJsonNumber("revokedUpToSerial").longValue());
        assertTrue(fresh.getJsonNumber("entitlementSerial").longValue()
                > entry.getJsonNumber("revokedUpToSerial").longValue());
    }

    @Test
    void anotherConcessionRegisteredByTheCardOperatorStopsTheDiscountAtOnce() throws Exception {
        Rider rider = Rider.signedUp();
        JsonObject credential = rider.credential();
        HttpResponse<String> imported = importConcession(rider.idNumber(), "ELDERLY");
        assertEquals(200, imported.statusCode(), imported.body());

        assertEquals("REVOKED", scan(rider, credential));
        JsonObject renewed = rider.credential();
        assertTrue(!renewed.containsKey("concession") || renewed.isNull("concession"), "no stacking (R4): " + renewed);
        assertEquals(0, renewed.getInt("rateBasisPoints"));
        assertEquals("OK", scan(rider, renewed), "a standard-fare code still rides");
    }

    @Test
    void aBlockedPaymentAgreementStopsTheCodesAndUnfreezingLetsANewCredentialRide() throws Exception {
        Rider rider = Rider.signedUp();
        JsonObject before = rider.credential();
        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(rider.agreementRequestNo(), "ARREARS"));

        assertEquals("REVOKED", scan(rider, before), "no riding on credit while the account is in arrears");
        assertEquals(422, rider.requestCredential().statusCode(), "no new credential while blocked either");

        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(rider.agreementRequestNo(), "ACCOUNT_UNFROZEN"));
        assertEquals("OK", scan(rider, rider.credential()));
        assertEquals("REVOKED", scan(rider, before), "a cut-off is never lifted");
    }

    @Test
    void aCancelledAgreementStopsTheCodes() throws Exception {
        Rider rider = Rider.signedUp();
        JsonObject before = rider.credential();
        assertEquals(200, rider.app().delete("/api/mp/v1/payment-agreement").statusCode());
        assertEquals("REVOKED", scan(rider, before));
    }

    @Test
    void theEntitlementInTheCodeEndsWithTheEntryNotThePolicy() throws Exception {
        String person = TestPeople.shanwei();
        LocalDate entryEnds = LocalDate.of(2027, 3, 31);
        Rider rider = Rider.signedUp(person, new EntryMessage(Operation.ADD, person, "测试人", "MORAL_MODEL",
                CategoryDetails.NONE, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 1), entryEnds,
                "汕信用〔2026〕TEST", Residency.HOUSEHOLD));
        CardData entitlement = Rider.authorisation(rider.credential()).cardData().orElseThrow();
        assertEquals(entryEnds, entitlement.validUntil(), "the policy runs to 2027-12-31, the entry only to " + entryEnds);
    }

    @Test
    void twoPhonesAskingAtTheSameMomentGetTwoSerialsAndNoneIsLost() throws Exception {
        Rider first = Rider.signedUp();
        Rider second = first.onAnotherPhone();
        List<HttpResponse<String>> answers = AtOnce.run(first::requestCredential, second::requestCredential);
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        long a = Http.json(answers.get(0)).getJsonNumber("entitlementSerial").longValue();
        long b = Http.json(answers.get(1)).getJsonNumber("entitlementSerial").longValue();
        assertEquals(1, Math.abs(a - b), "two increments, neither lost: " + a + ", " + b);
        assertEquals(Math.max(a, b) + 1, first.credential().getJsonNumber("entitlementSerial").longValue());
    }

    private static long blacklistVersion() throws Exception {
        return ValidatorClient.blacklist(0).getJsonNumber("version").longValue();
    }

    private static HttpResponse<String> importConcession(String idNumber, String type) throws Exception {
        return EligibilityChecks.importConcessions("[{\"idNumber\":\"" + idNumber + "\",\"concessionType\":\"" + type
                + "\",\"accountType\":\"03\",\"validFrom\":\"2020-01-01\"}]");
    }
}
