package cn.gov.shanwei.xinyixing.privacy;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import cn.gov.shanwei.xinyixing.system.StaffSessions;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rotating the personal-data keys on the running system: an administrator puts key version 2 in force
 * (the test domain has it configured beside version 1), the rows move in chunks while citizens' and
 * staff's lookups go on, and a cipher copied onto another person's row refuses to decrypt.
 */
public abstract class KeyRotationChecks {

    private static final String ROTATION = "/api/admin/v1/personal-data/rotation";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Demo citizens (on the red list from the demo loader), each with the name it was listed under. */
    private static final Map<String, String> DEMO = Map.of(
            "441502198503120020", "陈志明", "441501199007071010", "林小红",
            "441521197811200035", "黄国强", "441502199512311042", "郑美玲");

    @Test
    void onlyAnAdministratorMayRotate() throws Exception {
        long before = count("SELECT COUNT(*) FROM redlist_entry WHERE id_number_key_version = 2");
        HttpResponse<String> anonymous = post(null, "{\"toVersion\":2}");
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 401 || anonymous.statusCode() == 403,
                "anonymous: " + anonymous.statusCode());
        HttpResponse<String> bureau = post(session("bureau"), "{\"toVersion\":2}");
        assertEquals(403, bureau.statusCode(), bureau.body());
        assertEquals(before, count("SELECT COUNT(*) FROM redlist_entry WHERE id_number_key_version = 2"),
                "refused callers moved nothing");
    }

    @Test
    void rowsMoveToTheNewVersionInChunksWhileLookupsGoOn() throws Exception {
        String admin = session("admin");
        // A citizen with an account, so that citizen_account has ciphers too
        String person = TestPeople.shanwei();
        assertEquals(200, PlatformClient.pushRest(signed(PlatformClient.nextSequence(),
                List.of(add(person, "BLOOD_DONOR", blood(4200), Residency.HOUSEHOLD)))).statusCode());
        MiniProgramClient citizen = MiniProgramClient.asCitizen(person, "钟小华");
        assertEquals(201, citizen.openAccount("XINYIXING").statusCode());
        // Enough people, through the real intake, for the rotation to have something to measure
        for (int batch = 0; batch < 10; batch++) {
            List<EntryMessage> entries = new ArrayList<>();
            for (int i = 0; i < RunningSystem.MAX_BATCH_ENTRIES; i++) {
                entries.add(add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4200), Residency.HOUSEHOLD));
            }
            HttpResponse<String> pushed = PlatformClient.pushRest(signed(PlatformClient.nextSequence(), entries));
            assertEquals(200, pushed.statusCode(), pushed.body());
        }

        HttpResponse<String> missing = post(admin, "{}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals("KEY_VERSION_MISSING", Http.json(missing).getString("code"));
        HttpResponse<String> unknown = post(admin, "{\"toVersion\":7}");
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertEquals("KEY_VERSION_NOT_CONFIGURED", Http.json(unknown).getString("code"));

        // A first small step: some rows are under version 2, the rest still under 1
        HttpResponse<String> first = post(admin, "{\"toVersion\":2,\"maxRows\":3,\"chunkSize\":1}");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(3, Http.json(first).getInt("moved"));
        assertTrue(Http.json(first).getJsonNumber("remaining").longValue() > 0);
        assertTrue(count("SELECT COUNT(*) FROM redlist_entry WHERE id_number_key_version = 2") > 0);
        assertTrue(count("SELECT COUNT(*) FROM redlist_entry WHERE id_number_key_version = 1") > 0);
        lookupsFindEveryone(citizen);

        // Opened during the rotation: written under version 2 at once
        String newcomer = TestPeople.shanwei();
        assertEquals(200, PlatformClient.pushRest(signed(PlatformClient.nextSequence(),
                List.of(add(newcomer, "BLOOD_DONOR", blood(4200), Residency.HOUSEHOLD)))).statusCode());
        assertEquals(2, count("SELECT MAX(id_number_key_version) FROM redlist_entry WHERE id = (SELECT MAX(id) FROM redlist_entry)"));

        JsonObject progress = Http.json(post(admin, "{\"toVersion\":2,\"maxRows\":100000,\"chunkSize\":200}"));
        report(progress);
        while (!progress.getBoolean("complete")) {
            progress = Http.json(post(admin, "{\"toVersion\":2,\"maxRows\":100000,\"chunkSize\":200}"));
        }
        assertEquals(0, progress.getJsonNumber("remaining").longValue());
        assertEquals(0, count("SELECT COUNT(*) FROM redlist_entry WHERE id_number_key_version IS NULL OR id_number_key_version <> 2"));
        assertEquals(0, count("SELECT COUNT(*) FROM citizen_account WHERE id_number_key_version IS NULL OR id_number_key_version <> 2"));
        assertEquals(List.of(), progress.getJsonArray("refused"));
        assertEquals(2, Http.json(get(admin)).getInt("keyVersion"));
        lookupsFindEveryone(citizen);
        assertEquals(200, MiniProgramClient.asCitizen(newcomer, "钟小华").get("/api/mp/v1/profile").statusCode());
        HttpResponse<String> again = citizen.openAccount("XINYIXING");
        assertEquals("ACCOUNT_EXISTS", Http.json(again).getString("code"), "the open account is still found: " + again.body());

        swappedCiphersRefuseToDecrypt(admin);
    }

    /** Two people's ciphers exchanged in the database: rotating must refuse both rows, not re-encrypt them. */
    private static void swappedCiphersRefuseToDecrypt(String admin) throws Exception {
        long[] ids = new long[2];
        byte[][] ciphers = new byte[2][];
        try (Connection db = RunningSystem.openDatabase();
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT e.id, e.id_number_cipher FROM redlist_entry e"
                     + " WHERE e.id IN (SELECT MIN(id) FROM redlist_entry GROUP BY id_number_index) ORDER BY e.id LIMIT 2")) {
            for (int i = 0; i < 2; i++) {
                assertTrue(rows.next());
                ids[i] = rows.getLong(1);
                ciphers[i] = rows.getBytes(2);
            }
        }
        setCipher(ids[0], ciphers[1]);
        setCipher(ids[1], ciphers[0]);
        try {
            JsonObject back = Http.json(post(admin, "{\"toVersion\":1,\"maxRows\":100000,\"chunkSize\":200}"));
            report(back);
            List<String> refused = new ArrayList<>(back.getJsonArray("refused").getValuesAs(jakarta.json.JsonString::getString));
            assertEquals(List.of("redlist_entry#" + ids[0], "redlist_entry#" + ids[1]), refused);
            assertEquals(2, back.getJsonNumber("remaining").longValue(), "the refused rows stay as they are");
            assertEquals(2, count("SELECT COUNT(*) FROM redlist_entry WHERE id_number_key_version = 2"));
        } finally {
            setCipher(ids[0], ciphers[0]);
            setCipher(ids[1], ciphers[1]);
        }
        JsonObject done = Http.json(post(admin, "{\"toVersion\":1,\"maxRows\":100000,\"chunkSize\":200}"));
        assertTrue(done.getBoolean("complete"), done.toString());
        assertEquals(List.of(), done.getJsonArray("refused"));
        assertFalse(done.toString().contains("4415"), "progress never carries an ID number");
    }

    private static void report(JsonObject progress) {
        System.out.println("Key rotation to version " + progress.getInt("keyVersion") + ": " + progress.getInt("moved")
                + " rows in " + progress.getJsonNumber("millis") + " ms, " + progress.getJsonNumber("rowsPerSecond") + " rows/s");
    }

    /** The credit file (mini-program) and the decision behind it still find every demo citizen and the test citizen. */
    private static void lookupsFindEveryone(MiniProgramClient citizen) throws Exception {
        for (Map.Entry<String, String> demo : DEMO.entrySet()) {
            HttpResponse<String> profile = MiniProgramClient.asCitizen(demo.getKey(), demo.getValue()).get("/api/mp/v1/profile");
            assertEquals(200, profile.statusCode(), profile.body());
            assertFalse(Http.json(profile).getJsonArray("listings").isEmpty(), demo.getKey().substring(0, 4) + "… has listings");
            assertTrue(Http.json(profile).getJsonObject("today").getBoolean("eligible"), profile.body());
        }
        HttpResponse<String> own = citizen.get("/api/mp/v1/profile");
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(Http.json(own).getJsonObject("today").getBoolean("eligible"), own.body());
        assertTrue(own.body().contains("XINYIXING"), "the open account is found: " + own.body());
    }

    private static String session(String username) {
        return StaffSessions.signIn(username);
    }

    private static HttpResponse<String> post(String session, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri(ROTATION)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            request.header("Cookie", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(Http.uri(ROTATION)).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void setCipher(long id, byte[] cipher) throws SQLException {
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement update = db.prepareStatement("UPDATE redlist_entry SET id_number_cipher = ? WHERE id = ?")) {
            update.setBytes(1, cipher);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = RunningSystem.openDatabase();
             Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
