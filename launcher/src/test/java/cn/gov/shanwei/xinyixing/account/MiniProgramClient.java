package cn.gov.shanwei.xinyixing.account;

import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the mini-program API as the 善美村居 mini-program does: with the citizen's identity token. */
public final class MiniProgramClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String token;

    private MiniProgramClient(String token) {
        this.token = token;
    }

    public static MiniProgramClient asCitizen(String idNumber, String name) {
        return withToken(RunningSystem.identityProvider().token(idNumber, name, "13800138000"));
    }

    public static MiniProgramClient withToken(String token) {
        return new MiniProgramClient(token);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> openAccount(String accountType) throws IOException, InterruptedException {
        return post("/api/mp/v1/account", "{\"consentVersion\":\"2026-11\",\"accountType\":\"" + accountType + "\"}");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(Http.uri(path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
