package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeJson;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.UnknownTypeException;
import org.iotahome.protocol.json.UnsupportedVersionException;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.tangle.Address;

/**
 * Channel events to and from their JSON (PROTOCOL.md §7): {@code v}, {@code type}, then the
 * event's fields. Reading is strict: unknown types, versions and fields, missing or malformed
 * fields, and events over {@link #MAX_CHARS} are refused with the field's path.
 */
public final class EventCodec {

    /**
     * 256 Ki characters: a DATA event batches many readings (about 1 KiB each), and a KEY_ROTATION
     * carries one 2.6 KiB envelope per provider; anything larger is refused before parsing. A DATA's
     * {@code readingsGz} may inflate further, up to {@link DataReadings#MAX_INFLATED_BYTES}.
     */
    public static final int MAX_CHARS = 256 * 1024;

    private static final String TYPES = List.of(DeviceAdded.TYPE, DeviceDeleted.TYPE, Authorized.TYPE,
            AuthorizationRevoked.TYPE, Data.TYPE, KeyRotation.TYPE).toString();

    private EventCodec() {
    }

    public static String write(ChannelEvent event) {
        ObjectNode n = WireJson.object();
        n.put("v", WireJson.VERSION);
        n.put("type", event.type());
        n.put("timestamp", event.timestamp());
        // Java 17: no pattern switch; the sealed interface keeps this list complete.
        if (event instanceof DeviceAdded e) {
            n.set("device", e.device().toNode());
            e.consent().ifPresent(c -> n.set("consent", c.toNode()));
            e.wrapKey().ifPresent(k -> n.put("consentWrapKey", k.toBase64()));
        } else if (event instanceof DeviceDeleted e) {
            n.set("device", e.device().toNode());
        } else if (event instanceof Authorized e) {
            n.set("policy", e.policy().toNode());
        } else if (event instanceof AuthorizationRevoked e) {
            n.set("policy", e.policy().toNode());
        } else if (event instanceof Data e) {
            n.put("raw", e.raw());
            // PROTOCOL.md §7: the shorter form, since every transaction costs proof of work.
            String plain = DataReadings.plainJson(e.readings());
            String gz = DataReadings.gzipJson(plain);
            if (gz.length() + 2 < plain.length()) n.put(DataReadings.GZ, gz);   // +2: the quotes
            else e.readings().forEach(n.putArray(DataReadings.PLAIN)::add);
        } else if (event instanceof KeyRotation e) {
            ObjectNode keys = n.putObject("keys");
            e.keys().forEach((provider, env) -> keys.set(provider.trytes(), EnvelopeJson.toNode(env)));
            e.wrapped().forEach((device, sealed) -> keys.set(device.trytes(), sealed.toNode()));
        }
        return WireJson.write(n);
    }

    public static ChannelEvent read(String json) {
        FieldReader r = FieldReader.root(WireJson.readObject(json, MAX_CHARS, "event"));
        long v = r.longValue("v");
        if (v != WireJson.VERSION) throw new UnsupportedVersionException(String.valueOf(v));
        String type = r.string("type");
        long timestamp = r.timestamp("timestamp");
        ChannelEvent event = switch (type) {
            case DeviceAdded.TYPE -> deviceAdded(timestamp, r);
            case DeviceDeleted.TYPE -> new DeviceDeleted(timestamp, Device.read(r.object("device")));
            case Authorized.TYPE -> new Authorized(timestamp, Policy.read(r.object("policy")));
            case AuthorizationRevoked.TYPE -> new AuthorizationRevoked(timestamp, Policy.read(r.object("policy")));
            case Data.TYPE -> new Data(timestamp, r.string("raw"), readings(r));
            case KeyRotation.TYPE -> keyRotation(timestamp, r.object("keys"));
            default -> throw new UnknownTypeException(type, TYPES);
        };
        r.end();
        return event;
    }

    /** Exactly one of {@code readings} and {@code readingsGz} (PROTOCOL.md §7). */
    private static List<JsonNode> readings(FieldReader r) {
        boolean plain = r.has(DataReadings.PLAIN), gz = r.has(DataReadings.GZ);
        if (plain == gz)
            throw new MalformedJsonException(r.pathOf(DataReadings.PLAIN),
                    plain ? "and readingsGz must not both be present" : "or readingsGz is missing");
        String field = r.pathOf(plain ? DataReadings.PLAIN : DataReadings.GZ);
        ArrayNode a;
        if (plain) {
            r.allow(DataReadings.GZ);       // null counts as absent
            a = r.array(DataReadings.PLAIN);
        } else {
            r.allow(DataReadings.PLAIN);
            a = DataReadings.gunzip(r.string(DataReadings.GZ), field);
        }
        List<JsonNode> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isObject())
                throw new MalformedJsonException(field + "[" + i + "]", "must be an object");
            out.add(a.get(i));
        }
        return out;
    }

    /** An entry with {@code alg} is a provider's envelope; one with only {@code iv, ct} a key wrapped for the device. */
    private static KeyRotation keyRotation(long timestamp, FieldReader keys) {
        Map<Address, Envelope> envelopes = new LinkedHashMap<>();
        Map<Address, SealedValue> wrapped = new LinkedHashMap<>();
        for (String name : keys.names()) {
            Address reader;
            try {
                reader = new Address(name);
            } catch (IllegalArgumentException e) {
                throw new MalformedJsonException(keys.pathOf(name), "key is not an address: " + e.getMessage(), e);
            }
            FieldReader entry = keys.object(name);
            if (entry.has("alg")) envelopes.put(reader, EnvelopeJson.read(entry));
            else wrapped.put(reader, SealedValue.read(entry));
        }
        return new KeyRotation(timestamp, envelopes, wrapped);
    }

    private static DeviceAdded deviceAdded(long timestamp, FieldReader r) {
        Device device = Device.read(r.object("device"));
        if (!r.has("consent")) return DeviceAdded.onConsent(timestamp, device);
        ChannelKey consent = ChannelKey.read(r.object("consent"));
        Optional<ConsentWrapKey> wrap = r.has("consentWrapKey")
                ? Optional.of(r.value("consentWrapKey", ConsentWrapKey::fromBase64)) : Optional.empty();
        r.allow("consentWrapKey");
        return new DeviceAdded(timestamp, device, Optional.of(consent), wrap);
    }

}
