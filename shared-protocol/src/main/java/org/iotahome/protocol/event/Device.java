package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.tangle.Address;

/** A device as events name it (PROTOCOL.md §7): {@code {iotaAddress, type}}, type e.g. {@code P1}. */
public record Device(Address iotaAddress, String type) {

    public Device {
        if (iotaAddress == null) throw new IllegalArgumentException("device iotaAddress is missing");
        if (type == null || type.isEmpty()) throw new IllegalArgumentException("device type must not be empty");
    }

    public ObjectNode toNode() {
        ObjectNode n = WireJson.object();
        n.put("iotaAddress", iotaAddress.trytes());
        n.put("type", type);
        return n;
    }

    public static Device read(FieldReader r) {
        Address address = r.value("iotaAddress", Address::new);
        String type = r.nonEmptyString("type");
        r.end();
        return new Device(address, type);
    }
}
