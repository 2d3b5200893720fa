package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Sends the trip store's waiting records to {@code POST /api/validator/v1/trips} in batches of at most 500,
 * oldest serial first, and deletes exactly the serials the answer lists as {@code deletable}, nothing else:
 * (device id, serial) is the idempotency key forever and acknowledged means committed, so a record is
 * re-sent until the server says it holds it, and a re-sent one is answered {@code DUPLICATE}, not stored again.
 * {@code INVALID} records stay (the server did not keep them) and are skipped for the rest of the run, so one bad
 * record never holds up the good ones. Retries follow {@link DeviceClient}. Not for concurrent use.
 */
public final class Uploader {

    public static final int MAX_BATCH = 500;
    static final String PATH = "/api/validator/v1/trips";

    private final DeviceClient client;
    private final TripStore store;
    private final int batchSize;
    private final RetryPolicy policy;

    public Uploader(DeviceClient client, TripStore store, int batchSize, RetryPolicy policy) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 1.." + MAX_BATCH);
        }
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.batchSize = batchSize;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Uploads until nothing is left but records refused as INVALID, or the server cannot be reached. */
    public UploadReport upload() throws IOException, InterruptedException {
        Set<Long> refused = new HashSet<>();
        List<UploadReport.UploadResult> refusals = new ArrayList<>();
        int batches = 0;
        int sent = 0;
        int stored = 0;
        int duplicate = 0;
        int conflict = 0;
        int deleted = 0;
        String problem = null;
        while (true) {
            List<TripRecord> batch = store.pending(batchSize + refused.size()).stream()
                    .filter(r -> !refused.contains(r.serial())).limit(batchSize).toList();
            if (batch.isEmpty()) {
                break;
            }
            JsonObject answer;
            try {
                answer = client.exchange("POST", PATH, null, body(batch), policy).json();
            } catch (DeviceRequestException | ServerUnavailableException e) {
                problem = e.getMessage();
                break;
            }
            batches++;
            sent += batch.size();
            Set<Long> inBatch = new HashSet<>();
            batch.forEach(r -> inBatch.add(r.serial()));
            int invalidBefore = refused.size();
            for (JsonValue value : answer.getJsonArray("results")) {
                JsonObject result = value.asJsonObject();
                long serial = result.getJsonNumber("serial").longValueExact();
                String status = result.getString("status");
                switch (status) {
                    case "STORED" -> stored++;
                    case "DUPLICATE" -> duplicate++;
                    case "CONFLICT" -> conflict++;
                    case "INVALID" -> {
                        if (inBatch.contains(serial) && refused.add(serial)) {
                            refusals.add(new UploadReport.UploadResult(serial, status, text(result, "code"),
                                    text(result, "message"), null));
                        }
                    }
                    default -> {
                        // a status this kit does not know: not deletable unless listed below
                    }
                }
            }
            List<Long> deletable = new ArrayList<>();
            for (JsonValue value : answer.getJsonArray("deletable")) {
                long serial = ((JsonNumber) value).longValueExact();
                // only what was sent in this batch: an answer never deletes a record it was not about
                if (inBatch.contains(serial)) {
                    deletable.add(serial);
                }
            }
            store.acknowledge(deletable);
            deleted += deletable.size();
            if (deletable.isEmpty() && refused.size() == invalidBefore) {
                problem = "the server acknowledged none of " + batch.size() + " records";
                break;
            }
        }
        if (deleted > 0) {
            store.compact();
        }
        return new UploadReport(batches, sent, stored, duplicate, conflict, refused.size(), deleted,
                store.pendingCount(), problem, List.copyOf(refusals));
    }

    /** The request body for {@code records}, as the upload contract gives it. */
    static byte[] body(List<TripRecord> records) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        Base64.Encoder base64 = Base64.getEncoder();
        for (TripRecord r : records) {
            array.add(Json.createObjectBuilder()
                    .add("serial", r.serial())
                    .add("code", base64.encodeToString(r.code()))
                    .add("scannedAt", r.scannedAt().toString())
                    .add("routeNo", r.routeNo())
                    .add("fareFen", r.fareFen())
                    .add("verdict", r.verdict()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 600);
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(Json.createObjectBuilder().add("records", array).build());
        }
        return out.toByteArray();
    }

    private static String text(JsonObject object, String name) {
        return object.containsKey(name) && !object.isNull(name) ? object.getString(name) : null;
    }
}
