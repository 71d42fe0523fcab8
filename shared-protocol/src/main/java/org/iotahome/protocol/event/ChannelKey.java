package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.trinary.Trytes;

/**
 * What it takes to read a restricted MAM channel from a point on: {@code {root, sideKey}}
 * (PROTOCOL.md §3, §7). The root is 81 trytes; the side key 1 to 81 trytes (MAM pads it with 9).
 */
public record ChannelKey(String root, String sideKey) {

    public ChannelKey {
        Trytes.requireTrytes("root", root, 81);
        requireSideKey(sideKey);
    }

    private static String requireSideKey(String sideKey) {
        Trytes.requireTrytes("sideKey", sideKey);
        if (sideKey.isEmpty() || sideKey.length() > 81)
            throw new IllegalArgumentException("sideKey must be 1..81 trytes, was " + sideKey.length());
        return sideKey;
    }

    public ObjectNode toNode() {
        ObjectNode n = WireJson.object();
        n.put("root", root);
        n.put("sideKey", sideKey);
        return n;
    }

    public static ChannelKey read(FieldReader r) {
        String root = r.value("root", s -> Trytes.requireTrytes("root", s, 81));
        String sideKey = r.value("sideKey", ChannelKey::requireSideKey);
        r.end();
        return new ChannelKey(root, sideKey);
    }

    /** The JSON text sealed with the pairing key in ANSWER_CHALLENGE. */
    public String toJson() {
        return WireJson.write(toNode());
    }

    public static ChannelKey parse(String json) {
        return read(FieldReader.root(WireJson.readObject(json, 1024, "channel key")));
    }
}
