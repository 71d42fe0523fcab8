package org.iotahome.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.UnknownTypeException;
import org.iotahome.protocol.json.UnsupportedVersionException;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;

/**
 * Direct messages to and from their JSON (PROTOCOL.md §3): {@code v}, {@code type}, then the
 * message's fields under their original names. Reading is strict: unknown types, versions and
 * fields, missing or malformed fields, addresses that are not 81 trytes, and messages over
 * {@link #MAX_CHARS} are refused with the field's path.
 */
public final class MessageCodec {

    /**
     * 32 Ki characters, 30 transactions: the largest message, MAM_DATA with four envelopes, is
     * about 11 Ki; a reader should not assemble and parse bundles of arbitrary size from strangers.
     */
    public static final int MAX_CHARS = 32 * 1024;

    private static final String TYPES = List.of(ClaimDevice.TYPE, ChallengeMessage.TYPE, AnswerChallenge.TYPE,
            ClaimResult.TYPE, MamData.TYPE).toString();

    private MessageCodec() {
    }

    public static String write(DirectMessage message) {
        ObjectNode n = WireJson.object();
        n.put("v", WireJson.VERSION);
        n.put("type", message.type());
        // Java 17: no pattern switch; the sealed interface keeps this list complete.
        if (message instanceof ClaimDevice m) {
            n.put("sender", m.sender().trytes());
        } else if (message instanceof ChallengeMessage m) {
            n.put("sender", m.sender().trytes());
            n.put("challenge", m.challenge().trytes());
        } else if (message instanceof AnswerChallenge m) {
            n.put("sender", m.sender().trytes());
            n.put("signedChallenge", m.signedChallenge().trytes());
            n.set("channel", m.channel().toNode());
        } else if (message instanceof ClaimResult m) {
            n.put("sender", m.sender().trytes());
            n.put("status", m.status().name());
            m.reason().ifPresent(r -> n.put("reason", r));
            m.proof().ifPresent(p -> n.set("proof", p.toNode()));
        } else if (message instanceof MamData m) {
            n.set("mamData", m.mamData().toNode());
            n.set("consent", m.consent().toNode());
        }
        return WireJson.write(n);
    }

    public static DirectMessage read(String json) {
        FieldReader r = FieldReader.root(WireJson.readObject(json, MAX_CHARS, "message"));
        long v = r.longValue("v");
        if (v != WireJson.VERSION) throw new UnsupportedVersionException(String.valueOf(v));
        String type = r.string("type");
        DirectMessage message = switch (type) {
            case ClaimDevice.TYPE -> new ClaimDevice(sender(r));
            case ChallengeMessage.TYPE -> new ChallengeMessage(sender(r), r.value("challenge", Challenge::new));
            case AnswerChallenge.TYPE -> new AnswerChallenge(sender(r), r.value("signedChallenge", SignedChallenge::new),
                    SealedValue.read(r.object("channel")));
            case ClaimResult.TYPE -> claimResult(r);
            case MamData.TYPE -> new MamData(SealedChannelKey.read(r.object("mamData")), SealedChannelKey.read(r.object("consent")));
            default -> throw new UnknownTypeException(type, TYPES);
        };
        r.end();
        return message;
    }

    private static Address sender(FieldReader r) {
        return r.value("sender", Address::new);
    }

    private static ClaimResult claimResult(FieldReader r) {
        Address sender = sender(r);
        ClaimResult.Status status = r.value("status", s -> {
            try {
                return ClaimResult.Status.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be OK or NOK, was '" + s + "'");
            }
        });
        if (status == ClaimResult.Status.OK) {
            if (r.has("reason")) throw new MalformedJsonException("reason", "must be absent when status is OK");
            r.allow("reason");
            // An OK without proof parses (a reader counts it as no answer, PROTOCOL.md §4).
            Optional<SealedValue> proof = r.has("proof") ? Optional.of(SealedValue.read(r.object("proof"))) : Optional.empty();
            r.allow("proof");
            return new ClaimResult(sender, ClaimResult.Status.OK, Optional.empty(), proof);
        }
        if (r.has("proof")) throw new MalformedJsonException("proof", "must be absent when status is NOK");
        r.allow("proof");
        return ClaimResult.nok(sender, r.nonEmptyString("reason"));
    }
}
