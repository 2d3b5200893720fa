package cn.gov.shanwei.xinyixing.trip;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The usage feedback (联合奖惩反馈) as the credit platform reads it: under its own feedback key
 * only, people named by an HMAC-SM3 reference the platform recomputes itself, in pages, every
 * read recorded. Rides are rows of {@code trip_record} written here, as the scan path for
 * XINYIXING rides in a past month cannot be driven.
 */
public abstract class UsageFeedbackChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> feedback(String query, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri("/api/credit/v1/redlist/feedback" + query)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the platform computes over the ID numbers it holds, without any of our code. */
    private static String reference(String idNumber) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(RunningSystem.feedbackKey()));
        byte[] data = idNumber.getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Red-lists the people and records their rides in the given month (and one in the next). */
    private static void ridden(List<String> people, String month, String nextMonth) throws Exception {
        List<EntryMessage> entries = new ArrayList<>();
        for (String person : people) {
            entries.add(add(person, "TAXPAYER_A", new CategoryDetails(null, null, null, null, "A"), null));
        }
        BatchMessage batch = signed(PlatformClient.nextSequence(), entries);
        assertEquals(200, PlatformClient.pushRest(batch).statusCode());
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement indexes = db.prepareStatement("SELECT id_number_index FROM redlist_entry WHERE batch_id = ? ORDER BY id");
             PreparedStatement insert = db.prepareStatement("INSERT INTO trip_record (id_number_index, ridden_at, concession,"
                     + " original_fen, discount_fen, charged_fen) VALUES (?, ?, 'XINYIXING', 200, 100, 100)")) {
            indexes.setString(1, batch.batchId());
            List<byte[]> found = new ArrayList<>();
            try (ResultSet rows = indexes.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getBytes(1));
                }
            }
            assertEquals(people.size(), found.size());
            for (byte[] index : found) {
                for (String ride : List.of(month + "-01 00:00:00", month + "-28 23:59:59", nextMonth + "-01 00:00:00")) {
                    insert.setBytes(1, index);
                    insert.setTimestamp(2, Timestamp.valueOf(ride));
                    insert.executeUpdate();
                }
            }
        }
    }

    private static long accesses(String month) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM feedback_access WHERE month = '" + month + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void onlyTheFeedbackKeyReadsIt() throws Exception {
        for (String key : new String[] {null, "wrong", RunningSystem.platformApiKey(), RunningSystem.operatorApiKey()}) {
            HttpResponse<String> refused = feedback("?month=2026-09", key);
            assertEquals(401, refused.statusCode(), "refused with key " + (key == null ? "none" : key.length() + " chars"));
            assertEquals("API_KEY_INVALID", Http.json(refused).getString("code"));
        }
        assertEquals(0, accesses("2026-09"), "a refused caller leaves no access behind");
        assertEquals(200, feedback("?month=2026-09", RunningSystem.feedbackApiKey()).statusCode());
        assertEquals(1, accesses("2026-09"));
    }

    @Test
    void peopleAreNamedByAReferenceThePlatformRecomputes() throws Exception {
        String person = TestPeople.shanwei();
        ridden(List.of(person), "2026-08", "2026-09");
        HttpResponse<String> response = feedback("?month=2026-08&size=1000", RunningSystem.feedbackApiKey());
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains(person), "the ID number never leaves");
        assertFalse(response.body().contains(person.substring(6, 14)), "nor its birth date");
        List<JsonObject> rows = Http.json(response).getJsonArray("rows").stream().map(JsonValue::asJsonObject)
                .filter(row -> row.getString("personRef").equals(reference(person))).toList();
        assertEquals(1, rows.size(), response.body());
        assertEquals(2, rows.get(0).getInt("discountedRides"), "the next month's ride belongs to the next month");
        assertEquals(200, rows.get(0).getInt("discountFen"));
        assertEquals("2026-08", rows.get(0).getString("month"));
    }

    @Test
    void theMonthIsReadInPagesAndEveryPageIsRecorded() throws Exception {
        List<String> people = List.of(TestPeople.shanwei(), TestPeople.shanwei(), TestPeople.shanwei());
        ridden(people, "2026-07", "2026-08");
        long before = accesses("2026-07");
        Map<String, Integer> seen = new HashMap<>();
        long total = -1;
        int page = 0;
        while (true) {
            HttpResponse<String> response = feedback("?month=2026-07&page=" + page + "&size=2", RunningSystem.feedbackApiKey());
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = Http.json(response);
            assertEquals(page, body.getInt("page"));
            assertEquals(2, body.getInt("size"));
            total = body.getJsonNumber("total").longValue();
            List<JsonValue> rows = body.getJsonArray("rows");
            assertTrue(rows.size() <= 2, "a page never holds more than its size");
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(row -> seen.merge(row.asJsonObject().getString("personRef"), 1, Integer::sum));
            page++;
            assertTrue(page < 100, "the pages end");
        }
        for (String person : people) {
            assertEquals(1, seen.get(reference(person)), "each person on exactly one page");
        }
        assertEquals(total, seen.size(), "total counts the month's rows");
        assertEquals(before + page + 1, accesses("2026-07"), "every page read is recorded, the empty last one too");

        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement();
             ResultSet last = statement.executeQuery("SELECT page, page_size, row_count, credential, accessed_at FROM feedback_access"
                     + " WHERE month = '2026-07' ORDER BY id DESC LIMIT 1")) {
            assertTrue(last.next());
            assertEquals(page, last.getInt("page"));
            assertEquals(2, last.getInt("page_size"));
            assertEquals(0, last.getInt("row_count"));
            assertEquals("xinyixing.credit-platform.feedback-api-key", last.getString("credential"));
            assertTrue(last.getTimestamp("accessed_at") != null);
        }
    }

    @Test
    void badMonthsAndPagesAreRefusedWithACode() throws Exception {
        String key = RunningSystem.feedbackApiKey();
        assertEquals("MONTH_INVALID", Http.json(feedback("?month=11-2026", key)).getString("code"));
        assertEquals("MONTH_INVALID", Http.json(feedback("", key)).getString("code"));
        for (String query : List.of("&size=1001", "&size=0", "&page=-1", "&page=abc", "&size=1e3")) {
            HttpResponse<String> refused = feedback("?month=2026-07" + query, key);
            assertEquals(400, refused.statusCode(), query);
            assertEquals("PAGE_INVALID", Http.json(refused).getString("code"), query);
        }
        assertEquals(200, feedback("?month=2026-07&size=1000", key).statusCode(), "the maximum page size is allowed");
    }
}
