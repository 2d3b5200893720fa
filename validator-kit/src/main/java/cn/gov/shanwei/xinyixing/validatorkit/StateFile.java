package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

/**
 * What the last sync brought, kept in {@code sync-state.json} of the data folder so a validator that restarts
 * offline still has its CA keys, its route and fare and the blacklist: device info, CA keys (index → hex of
 * the compressed key), the blacklist version and one cut-off per account. Replaced atomically
 * ({@link Durable#replace}), so a crash leaves the previous sync's state, never half a file.
 */
final class StateFile {

    static final String NAME = "sync-state.json";
    private static final int FORMAT = 1;

    /** The persisted state; {@code device} and {@code syncedAt} are {@code null} before the first sync. */
    record State(DeviceInfo device, Map<Integer, String> caKeys, BlacklistCache blacklist, Instant syncedAt) {
    }

    private final Path file;

    StateFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    State read() throws IOException {
        if (!Files.exists(file)) {
            return new State(null, Map.of(), new BlacklistCache(), null);
        }
        JsonObject root;
        try (var reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            root = reader.readObject();
        } catch (JsonParsingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root.getInt("format", 0) != FORMAT) {
            throw new IOException(file + ": unknown format " + root.get("format"));
        }
        DeviceInfo device = null;
        if (root.get("device") instanceof JsonObject d) {
            device = new DeviceInfo(d.getString("deviceId"), d.getString("companyCode", null),
                    d.getString("routeNo", null), d.getInt("fareFen"));
        }
        Map<Integer, String> caKeys = new TreeMap<>();
        for (JsonValue value : root.getJsonArray("caKeys")) {
            JsonObject key = value.asJsonObject();
            caKeys.put(key.getInt("index"), key.getString("publicKey"));
        }
        JsonObject list = root.getJsonObject("blacklist");
        Map<String, BlacklistCache.Cutoff> cutoffs = new HashMap<>();
        for (JsonValue value : list.getJsonArray("cutoffs")) {
            JsonObject c = value.asJsonObject();
            Long upTo = c.isNull("revokedUpToSerial") ? null : c.getJsonNumber("revokedUpToSerial").longValueExact();
            cutoffs.put(c.getString("paymentAccountNo"),
                    new BlacklistCache.Cutoff(upTo, c.getString("reason", null), c.getJsonNumber("version").longValue()));
        }
        Instant syncedAt = root.isNull("syncedAt") ? null : Instant.parse(root.getString("syncedAt"));
        return new State(device, caKeys,
                new BlacklistCache(list.getJsonNumber("version").longValue(), cutoffs), syncedAt);
    }

    void write(DeviceInfo device, Map<Integer, String> caKeys, BlacklistCache blacklist, Instant syncedAt)
            throws IOException {
        JsonObjectBuilder root = Json.createObjectBuilder().add("format", FORMAT);
        if (device == null) {
            root.addNull("device");
        } else {
            JsonObjectBuilder d = Json.createObjectBuilder().add("deviceId", device.deviceId()).add("fareFen", device.fareFen());
            addNullable(d, "companyCode", device.companyCode());
            addNullable(d, "routeNo", device.routeNo());
            root.add("device", d);
        }
        JsonArrayBuilder keys = Json.createArrayBuilder();
        new TreeMap<>(caKeys).forEach((index, hex) -> keys.add(Json.createObjectBuilder().add("index", index)
                .add("publicKey", hex)));
        root.add("caKeys", keys);
        JsonArrayBuilder cutoffs = Json.createArrayBuilder();
        new TreeMap<>(blacklist.cutoffs()).forEach((account, cutoff) -> {
            JsonObjectBuilder c = Json.createObjectBuilder().add("paymentAccountNo", account).add("version", cutoff.version());
            if (cutoff.upToSerial() == null) {
                c.addNull("revokedUpToSerial");
            } else {
                c.add("revokedUpToSerial", cutoff.upToSerial());
            }
            addNullable(c, "reason", cutoff.reason());
            cutoffs.add(c);
        });
        root.add("blacklist", Json.createObjectBuilder().add("version", blacklist.version()).add("cutoffs", cutoffs));
        addNullable(root, "syncedAt", syncedAt == null ? null : syncedAt.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(root.build());
        }
        Durable.replace(file, out.toByteArray());
    }

    private static void addNullable(JsonObjectBuilder builder, String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
    }
}
