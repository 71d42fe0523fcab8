package org.iotahome.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.trinary.Trytes;

/** Reads one command's parameters, refusing missing or non-tryte values with a message naming the field. */
final class IriParams {

    private final JsonNode request;

    IriParams(JsonNode request) {
        this.request = request;
    }

    boolean has(String field) {
        return request.hasNonNull(field);
    }

    String hash(String field) {
        JsonNode v = request.get(field);
        if (v == null || !v.isTextual()) throw new IriRequestException("Invalid " + field + " input: expected 81 trytes");
        return tryteValue(field, v.asText(), 81, 81);
    }

    int integer(String field, int min, int max) {
        JsonNode v = request.get(field);
        if (v == null || !v.canConvertToInt() || (!v.isIntegralNumber() && !v.isTextual()))
            throw new IriRequestException("Invalid " + field + " input: expected an integer " + min + ".." + max);
        int n = v.isTextual() ? parse(field, v.asText(), min, max) : v.asInt();
        if (n < min || n > max) throw new IriRequestException("Invalid " + field + " input: " + n + " is not in " + min + ".." + max);
        return n;
    }

    /**
     * A list of tryte strings; each of {@code minLength}..{@code maxLength} trytes. An empty list
     * when the field is absent and {@code optional}.
     */
    List<String> trytesList(String field, int minLength, int maxLength, boolean optional, int maxItems) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            if (optional) return List.of();
            throw new IriRequestException("Invalid " + field + " input: the list is missing");
        }
        if (!v.isArray()) throw new IriRequestException("Invalid " + field + " input: expected a list of trytes");
        if (v.size() > maxItems)
            throw new IriRequestException("Invalid " + field + " input: at most " + maxItems + " values, got " + v.size());
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new IriRequestException("Invalid " + field + " input: " + e + " is not a string");
            out.add(tryteValue(field, e.asText(), minLength, maxLength));
        }
        return out;
    }

    private static String tryteValue(String field, String value, int minLength, int maxLength) {
        if (!Trytes.isTrytes(value))
            throw new IriRequestException("Invalid " + field + " input: '" + abbreviate(value) + "' is not trytes (9A-Z)");
        if (value.length() < minLength || value.length() > maxLength)
            throw new IriRequestException("Invalid " + field + " input: expected " + (minLength == maxLength ? "" + minLength
                    : minLength + ".." + maxLength) + " trytes, got " + value.length());
        return value;
    }

    private static int parse(String field, String text, int min, int max) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IriRequestException("Invalid " + field + " input: expected an integer " + min + ".." + max);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
