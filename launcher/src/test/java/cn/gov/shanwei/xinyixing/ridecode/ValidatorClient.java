package cn.gov.shanwei.xinyixing.ridecode;

import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/** A bus validator that is online: asks the server to check each scanned code. */
final class ValidatorClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ValidatorClient() {
    }

    static JsonObject scan(byte[] code, int fareFen) throws Exception {
        HttpResponse<String> response = post("/api/validator/v1/scan",
                "{\"code\":\"" + Base64.getEncoder().encodeToString(code) + "\",\"fareFen\":" + fareFen + "}");
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    static HttpResponse<String> get(String path, String apiKey) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(Http.uri(path)).header("X-Api-Key", apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return get(path, RunningSystem.validatorApiKey());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(Http.uri(path)).header("X-Api-Key", RunningSystem.validatorApiKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
