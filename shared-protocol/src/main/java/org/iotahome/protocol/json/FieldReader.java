package org.iotahome.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object strictly: each accessor requires its field, checks its JSON
 * type, and names the field's dotted path in the error; {@link #end()} refuses fields nobody read.
 */
public final class FieldReader {

    private final ObjectNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    public FieldReader(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static FieldReader root(ObjectNode node) {
        return new FieldReader(node, "");
    }

    /** The dotted path of field {@code name} in this object. */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    public String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) throw wrongType(name, "a string", v);
        return v.textValue();
    }

    public String nonEmptyString(String name) {
        String s = string(name);
        if (s.isEmpty()) throw new MalformedJsonException(pathOf(name), "must not be empty");
        return s;
    }

    /** A string field turned into a domain value; the value's own refusal becomes this field's error. */
    public <T> T value(String name, Function<String, T> parse) {
        String s = string(name);
        try {
            return parse.apply(s);
        } catch (MalformedJsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedJsonException(pathOf(name), e.getMessage(), e);
        }
    }

    /** An integral number field that fits a long. */
    public long longValue(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrongType(name, "an integer", v);
        return v.longValue();
    }

    /** PROTOCOL.md §3: milliseconds since the Unix epoch, never negative. */
    public long timestamp(String name) {
        long t = longValue(name);
        if (t < 0) throw new MalformedJsonException(pathOf(name), "must be milliseconds since the epoch (>= 0), was " + t);
        return t;
    }

    /** A base64 field (RFC 4648, with padding, no line breaks). */
    public byte[] base64(String name) {
        String s = string(name);
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedJsonException(pathOf(name), "is not base64: " + e.getMessage(), e);
        }
    }

    public FieldReader object(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) throw wrongType(name, "an object", v);
        return new FieldReader((ObjectNode) v, pathOf(name));
    }

    public ArrayNode array(String name) {
        JsonNode v = required(name);
        if (!v.isArray()) throw wrongType(name, "an array", v);
        return (ArrayNode) v;
    }

    /** An array of strings. */
    public List<String> strings(String name) {
        ArrayNode a = array(name);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) throw new MalformedJsonException(pathOf(name) + "[" + i + "]",
                    "must be a string, was " + WireJson.describe(a.get(i)));
            out.add(a.get(i).textValue());
        }
        return out;
    }

    /** The field names of this object, in order; they count as read. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        read.addAll(names);
        return names;
    }

    /** Refuses any field of this object that no accessor asked for. */
    public void end() {
        var it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!read.contains(name))
                throw new MalformedJsonException(pathOf(name), "is not a field of this object (known: " + read + ")");
        }
    }

    private JsonNode required(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) throw new MalformedJsonException(pathOf(name), "is missing");
        return v;
    }

    private MalformedJsonException wrongType(String name, String expected, JsonNode v) {
        return new MalformedJsonException(pathOf(name), "must be " + expected + ", was " + WireJson.describe(v));
    }

    /** Marks a field as read without requiring it, for optional fields. */
    public void allow(String name) {
        read.add(name);
    }
}
