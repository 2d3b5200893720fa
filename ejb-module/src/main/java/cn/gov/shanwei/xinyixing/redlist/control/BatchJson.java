package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes a batch in its JSON form (REST push and the platform's change feed). Read by hand rather
 * than bound, so that a wrong type or a bad date is reported with the place it occurred instead of
 * a framework's error page. Absent fields stay null; the validator reports them.
 */
public final class BatchJson {

    /** A body that is not a batch at all: not JSON, or a field of the wrong type. */
    public static final class MalformedBatchException extends RuntimeException {
        public MalformedBatchException(String where) {
            super(where);
        }
    }

    private BatchJson() {
    }

    public static BatchMessage read(String body) {
        try {
            return read(Json.createReader(new StringReader(body)).readObject());
        } catch (JsonParsingException e) {
            throw new MalformedBatchException("not JSON at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber());
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedBatchException("not a JSON object");
        }
    }

    /** Several batches in one feed response: {@code {"batches": [ … ]}}. */
    public static List<BatchMessage> readFeed(String body) {
        JsonObject feed;
        try {
            feed = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedBatchException("feed is not a JSON object");
        }
        JsonArray batches = array(feed, "batches", "feed");
        List<BatchMessage> result = new ArrayList<>();
        for (int i = 0; batches != null && i < batches.size(); i++) {
            result.add(read(object(batches.get(i), "batches[" + i + "]")));
        }
        return result;
    }

    /** The JSON form of a batch, as the platform sends it (and as tests and benchmarks play the platform). */
    public static String write(BatchMessage batch) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (EntryMessage entry : batch.entries()) {
            JsonObjectBuilder json = Json.createObjectBuilder();
            text(json, "operation", entry.operation());
            text(json, "idNumber", entry.idNumber());
            text(json, "name", entry.name());
            text(json, "categoryCode", entry.categoryCode());
            CategoryDetails details = entry.details() == null ? CategoryDetails.NONE : entry.details();
            text(json, "level", details.level());
            if (details.bloodMl() != null) {
                json.add("bloodMl", details.bloodMl());
            }
            if (details.donationYuan() != null) {
                json.add("donationYuan", details.donationYuan());
            }
            if (details.volunteerStars() != null) {
                json.add("volunteerStars", details.volunteerStars());
            }
            text(json, "taxpayerGrade", details.taxpayerGrade());
            text(json, "recognisedOn", entry.recognisedOn());
            text(json, "validFrom", entry.validFrom());
            text(json, "validTo", entry.validTo());
            text(json, "sourceDocument", entry.sourceDocument());
            text(json, "residency", entry.residency());
            entries.add(json);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("batchId", batch.batchId())
                .add("sequenceNo", batch.sequenceNo())
                .add("issuedAt", batch.issuedAt().toString())
                .add("entries", entries);
        if (batch.signature() != null) {
            json.add("signature", Base64.getEncoder().encodeToString(batch.signature()));
        }
        return json.build().toString();
    }

    private static void text(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    public static BatchMessage read(JsonObject json) {
        JsonArray entries = array(json, "entries", "batch");
        List<EntryMessage> list = null;
        if (entries != null) {
            list = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                list.add(entry(object(entries.get(i), "entries[" + i + "]"), "entries[" + i + "]"));
            }
        }
        String signature = string(json, "signature", "batch");
        byte[] signatureBytes;
        try {
            signatureBytes = signature == null ? null : Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new MalformedBatchException("batch.signature is not Base64");
        }
        Long sequence = longValue(json, "sequenceNo", "batch");
        return new BatchMessage(string(json, "batchId", "batch"), sequence == null ? 0 : sequence,
                instant(json, "issuedAt", "batch"), list, signatureBytes);
    }

    private static EntryMessage entry(JsonObject json, String where) {
        String operation = string(json, "operation", where);
        Operation op;
        try {
            op = operation == null ? null : Operation.valueOf(operation);
        } catch (IllegalArgumentException e) {
            throw new MalformedBatchException(where + ".operation is not ADD, CHANGE or REMOVE");
        }
        CategoryDetails details = new CategoryDetails(
                enumValue(Level.class, string(json, "level", where), where + ".level"),
                intValue(json, "bloodMl", where),
                decimal(json, "donationYuan", where),
                intValue(json, "volunteerStars", where),
                string(json, "taxpayerGrade", where));
        return new EntryMessage(op, string(json, "idNumber", where), string(json, "name", where),
                string(json, "categoryCode", where), details,
                date(json, "recognisedOn", where), date(json, "validFrom", where), date(json, "validTo", where),
                string(json, "sourceDocument", where),
                enumValue(Residency.class, string(json, "residency", where), where + ".residency"));
    }

    private static JsonObject object(JsonValue value, String where) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBatchException(where + " is not an object");
        }
        return value.asJsonObject();
    }

    private static JsonArray array(JsonObject json, String name, String where) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedBatchException(where + "." + name + " is not an array");
        }
        return value.asJsonArray();
    }

    private static String string(JsonObject json, String name, String where) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new MalformedBatchException(where + "." + name + " is not a string");
    }

    private static Long longValue(JsonObject json, String name, String where) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new MalformedBatchException(where + "." + name + " is out of range");
            }
        }
        throw new MalformedBatchException(where + "." + name + " is not a whole number");
    }

    private static Integer intValue(JsonObject json, String name, String where) {
        Long value = longValue(json, name, where);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new MalformedBatchException(where + "." + name + " is out of range");
        }
        return value == null ? null : value.intValue();
    }

    private static BigDecimal decimal(JsonObject json, String name, String where) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        if (value instanceof JsonString text) {
            try {
                return new BigDecimal(text.getString());
            } catch (NumberFormatException e) {
                throw new MalformedBatchException(where + "." + name + " is not a number");
            }
        }
        throw new MalformedBatchException(where + "." + name + " is not a number");
    }

    private static LocalDate date(JsonObject json, String name, String where) {
        String text = string(json, name, where);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedBatchException(where + "." + name + " is not a date (yyyy-mm-dd)");
        }
    }

    private static Instant instant(JsonObject json, String name, String where) {
        String text = string(json, name, where);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedBatchException(where + "." + name + " is not an ISO-8601 instant");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String where) {
        try {
            return text == null ? null : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new MalformedBatchException(where + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static JsonValue present(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }
}
