package org.iotahome.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON every message, event and envelope travels as (PROTOCOL.md §1, §3): written in ASCII
 * only, other characters escaped as {@code \\u} and four hex digits so the text converts to trytes; read strictly
 * (one document, no duplicate keys, no trailing tokens, a size limit checked before parsing).
 */
public final class WireJson {

    /** PROTOCOL.md §3: the protocol version every message and event carries as {@code v}. */
    public static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private WireJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** One line of ASCII JSON. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Parses one JSON object of at most {@code limit} characters; {@code kind} names it in errors. */
    public static ObjectNode readObject(String json, int limit, String kind) {
        if (json == null) throw new MalformedJsonException("$", kind + " is missing");
        if (json.length() > limit) throw new OversizedJsonException(kind, json.length(), limit);
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("$", kind + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject())
            throw new MalformedJsonException("$", kind + " must be a JSON object, was " + describe(node));
        return (ObjectNode) node;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
