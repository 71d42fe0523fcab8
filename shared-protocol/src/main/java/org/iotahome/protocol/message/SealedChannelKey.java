package org.iotahome.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeJson;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.WireJson;

/** A channel key {@code {root, sideKey}} whose values are each an envelope to one provider (PROTOCOL.md §3). */
public record SealedChannelKey(Envelope root, Envelope sideKey) {

    public SealedChannelKey {
        if (root == null || sideKey == null) throw new IllegalArgumentException("a sealed channel key needs root and sideKey");
    }

    public ObjectNode toNode() {
        ObjectNode n = WireJson.object();
        n.set("root", EnvelopeJson.toNode(root));
        n.set("sideKey", EnvelopeJson.toNode(sideKey));
        return n;
    }

    public static SealedChannelKey read(FieldReader r) {
        Envelope root = EnvelopeJson.read(r.object("root"));
        Envelope sideKey = EnvelopeJson.read(r.object("sideKey"));
        r.end();
        return new SealedChannelKey(root, sideKey);
    }
}
