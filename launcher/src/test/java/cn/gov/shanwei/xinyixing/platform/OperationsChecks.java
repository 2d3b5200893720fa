package cn.gov.shanwei.xinyixing.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.system.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What operators and integrators rely on: health, the OpenAPI document, coded errors. */
public abstract class OperationsChecks {

    @Test
    void readinessReportsDatabaseAndAPersistentSettlementTimerInJanuary() throws Exception {
        HttpResponse<String> response = Http.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> checks = Http.json(response).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), Function.identity()));

        assertEquals("UP", checks.get("database").getString("status"));
        JsonObject timer = checks.get("annual-settlement-timer");
        assertEquals("UP", timer.getString("status"));
        ZonedDateTime next = Instant.parse(timer.getJsonObject("data").getString("nextRun"))
                .atZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(Month.JANUARY, next.getMonth());
        assertEquals(2, next.getDayOfMonth());
        assertEquals(2, next.getHour());
    }

    @Test
    void openApiDocumentDescribesTheJsonApis() throws Exception {
        HttpResponse<String> response = Http.get("/openapi");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/system:"), response.body());
        assertTrue(response.body().contains("信易行 Xinyixing API"));
    }

    @Test
    void systemInfoNamesTheNewestMigration() throws Exception {
        HttpResponse<String> response = Http.get("/api/v1/system");
        assertEquals(200, response.statusCode());
        assertEquals(newestMigrationVersion(), Http.json(response).getString("schemaVersion"));
    }

    @Test
    void unknownApiPathGetsACodedJsonErrorWithoutInternals() throws Exception {
        HttpResponse<String> response = Http.get("/api/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        JsonObject error = Http.json(response);
        assertEquals("HTTP_404", error.getString("code"));
        assertFalse(error.getString("message").isBlank());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    /** V2026_11_26_04__settlement_runs.sql → 2026.11.26.04, as Flyway reports it. */
    private static String newestMigrationVersion() throws IOException {
        Path sql = Path.of(System.getProperty("project.root"), "sql");
        try (Stream<Path> files = Files.list(sql)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[\\d_]+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
    }
}
