package org.iotahome.protocol.p1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of {@code p1-reading.schema.json}: a reading as its object, a rejection as
 * {@code {"rejected": "crc|incomplete|malformed", "detail": "..."}}. One line each.
 */
public final class ReadingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReadingJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One JSON line (no line break) for a reading or a rejection. */
    public static String line(Parsed parsed) {
        Object value = parsed instanceof Rejected r ? rejection(r) : parsed;
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reading must always serialize: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> rejection(Rejected r) {
        Map<String, String> m = new LinkedHashMap<>(2);
        m.put("rejected", r.reason().label());
        m.put("detail", r.detail());
        return m;
    }

    /** A reading back from its JSON (what DATA messages carry in {@code readings}). */
    public static Reading read(String json) {
        try {
            return MAPPER.readValue(json, Reading.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected a P1 reading as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
