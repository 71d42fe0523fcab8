package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.WireJson;

/**
 * The two wire forms of DATA's readings (PROTOCOL.md §7): {@code readings}, a JSON array, or
 * {@code readingsGz}, the base64 of the gzip (RFC 1952) of that same array in UTF-8. Proof of
 * work is paid per transaction, so the writer picks whichever is shorter.
 *
 * <p>Inflating is bounded by {@link #MAX_INFLATED_BYTES}: a small {@code readingsGz} could
 * otherwise inflate to gigabytes (a gzip bomb). Beyond the bound it is unreadable data, refused
 * like any malformed field, never an out-of-memory error.
 */
public final class DataReadings {

    /**
     * 4 MiB: sixteen times what a plain event may hold ({@link EventCodec#MAX_CHARS}), room for the
     * ten- to thirty-fold ratio gzip reaches on near-identical readings, and still small for a Pi.
     */
    public static final int MAX_INFLATED_BYTES = 4 * 1024 * 1024;

    static final String PLAIN = "readings";
    static final String GZ = "readingsGz";

    /** Reads the array's JSON only; WireJson's mapper is the one that refuses duplicate keys. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private DataReadings() {
    }

    /** The readings as the {@code readings} array's ASCII JSON. */
    public static String plainJson(List<JsonNode> readings) {
        return WireJson.write(array(readings));
    }

    /** The {@code readingsGz} value of these readings. */
    public static String gzip(List<JsonNode> readings) {
        return gzipJson(plainJson(readings));
    }

    /**
     * Deflate at level 9: 30 DSMR 5 readings of one meter gzip to about 1,090 bytes instead of 1,210
     * at the default level 6 (device/README.md, Transactions per reading), a tenth less proof of work
     * for the readings at a cost of milliseconds. The FILTERED strategy and other field orders gained nothing.
     */
    static String gzipJson(String arrayJson) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(arrayJson.length() / 4 + 64);
        try (GZIPOutputStream gz = new BestGzip(bytes)) {
            gz.write(arrayJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip to memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * The array a {@code readingsGz} value holds. Bad base64, bad gzip, more than
     * {@link #MAX_INFLATED_BYTES} inflated, or anything but a JSON array of objects is refused with
     * {@code field} in the error.
     */
    public static ArrayNode gunzip(String base64, String field) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedJsonException(field, "is not base64: " + e.getMessage(), e);
        }
        byte[] json = inflate(compressed, field);
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedJsonException(field, "does not inflate to valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isArray())
            throw new MalformedJsonException(field, "must inflate to a JSON array");
        return (ArrayNode) node;
    }

    private static byte[] inflate(byte[] compressed, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED_BYTES, compressed.length * 8 + 64));
        byte[] buf = new byte[8192];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_INFLATED_BYTES)
                    throw new MalformedJsonException(field, "inflates beyond " + MAX_INFLATED_BYTES + " bytes");
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new MalformedJsonException(field, "is not gzip: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The JDK's gzip writer with its deflater at the best compression. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }

    private static ArrayNode array(List<JsonNode> readings) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(readings.size());
        readings.forEach(a::add);
        return a;
    }

}
