package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.WireJson;

/**
 * A consent policy (PROTOCOL.md §7): which provider may do {@code action} with which device's data,
 * for what {@code goal}, under which {@code conditions} (free text, one per entry).
 */
public record Policy(ServiceProvider serviceProvider, String action, Device device, String goal, List<String> conditions) {

    public Policy {
        if (serviceProvider == null) throw new IllegalArgumentException("policy serviceProvider is missing");
        if (action == null || action.isEmpty()) throw new IllegalArgumentException("policy action must not be empty");
        if (device == null) throw new IllegalArgumentException("policy device is missing");
        if (goal == null || goal.isEmpty()) throw new IllegalArgumentException("policy goal must not be empty");
        conditions = List.copyOf(conditions);
    }

    public ObjectNode toNode() {
        ObjectNode n = WireJson.object();
        n.set("serviceProvider", serviceProvider.toNode());
        n.put("action", action);
        n.set("device", device.toNode());
        n.put("goal", goal);
        ArrayNode c = n.putArray("conditions");
        conditions.forEach(c::add);
        return n;
    }

    public static Policy read(FieldReader r) {
        ServiceProvider sp = ServiceProvider.read(r.object("serviceProvider"));
        String action = r.nonEmptyString("action");
        Device device = Device.read(r.object("device"));
        String goal = r.nonEmptyString("goal");
        List<String> conditions = r.strings("conditions");
        r.end();
        return new Policy(sp, action, device, goal, conditions);
    }
}
