package cn.gov.shanwei.xinyixing.ridecode;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.payment.PaymentAgreementSteps;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import cn.gov.shanwei.xinyixing.system.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

/** A citizen on the bus with a phone: its own SM2 key, the credential it fetched, the codes it makes. */
public record Rider(String idNumber, MiniProgramClient app, Sm2KeyPair phoneKey, String agreementRequestNo) {

    /** A red-listed citizen (blood donor) with an open 信易行 account and a signed payment agreement. */
    public static Rider signedUp() throws Exception {
        String person = TestPeople.shanwei();
        return signedUp(person, add(person, "BLOOD_DONOR", blood(4100), Residency.HOUSEHOLD));
    }

    /** The same, listed with the given entry. */
    public static Rider signedUp(String person, EntryMessage entry) throws Exception {
        assertEquals(200, PlatformClient.pushRest(signed(PlatformClient.nextSequence(), List.of(entry))).statusCode());
        MiniProgramClient app = MiniProgramClient.asCitizen(person, "钱七");
        HttpResponse<String> opened = app.openAccount("XINYIXING");
        assertEquals(201, opened.statusCode(), opened.body());
        String requestNo = PaymentAgreementSteps.sign(app, true);
        return new Rider(person, app, SmCrypto.generateSm2KeyPair(), requestNo);
    }

    /** The same citizen on another phone (another key, same account). */
    public Rider onAnotherPhone() {
        return new Rider(idNumber, app, SmCrypto.generateSm2KeyPair(), agreementRequestNo);
    }

    public JsonObject credential() throws Exception {
        HttpResponse<String> response = requestCredential();
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    public HttpResponse<String> requestCredential() throws Exception {
        return app.post("/api/mp/v1/credential", "{\"userPublicKey\":\""
                + Base64.getEncoder().encodeToString(phoneKey.publicKey().encoded()) + "\"}");
    }

    /** What the phone does offline every refresh: the time and its own signature. */
    public byte[] code(JsonObject credential, long generationTime) {
        return RideCode.make(authorisation(credential), generationTime, phoneKey.privateKey()).encode();
    }

    public static Authorisation authorisation(JsonObject credential) {
        return Authorisation.parse(Base64.getDecoder().decode(credential.getString("authorisation")));
    }
}
