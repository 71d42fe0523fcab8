package org.iotahome.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.ConsentExpiry;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

/** A receipt in Kantara CR 1.1 shape, signed: it verifies as written and re-laid-out, and fails after any change. */
class ConsentReceiptTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final ReceiptKey KEY = new ReceiptKey(new byte[32]);
    private static final Address PROVIDER = new Address("P".repeat(81));
    private static final Address DEVICE = new Address("D".repeat(81));
    private static final String BUNDLE = "B".repeat(81);
    private static final String ROOT = "R".repeat(81);

    static ReceiptFacts facts(List<String> conditions) {
        Policy policy = new Policy(new ServiceProvider(URI.create("https://wattt.example/connected"), PROVIDER,
                EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom()).publicKey()), "read", new Device(DEVICE, "P1"),
                "energy advice", conditions);
        return new ReceiptFacts(new Authorized(1_796_000_000_123L, policy), new ChannelKey(ROOT, "SIDE9KEY"), BUNDLE, "alice", "NL",
                "My Home consent page, after sign-in");
    }

    @Test
    void itHasTheKantaraFieldsAndTheTangleAnchor() throws Exception {
        Instant end = Instant.parse("2027-03-05T00:00:00Z");
        ConsentReceipt receipt = ConsentReceipt.signed(facts(List.of(ConsentExpiry.condition(end))), KEY);
        JsonNode r = JSON.readTree(receipt.toJson()).get("receipt");

        assertThat(r.get("version").asText()).isEqualTo("KI-CR-v1.1.0");
        assertThat(r.get("jurisdiction").asText()).isEqualTo("NL");
        assertThat(r.get("consentTimestamp").asLong()).isEqualTo(1_796_000_000L);
        assertThat(r.get("collectionMethod").asText()).isNotBlank();
        assertThat(r.get("consentReceiptID").asText()).matches("[0-9a-f-]{36}");
        assertThat(r.get("piiPrincipalId").asText()).isEqualTo("alice");
        assertThat(r.at("/piiControllers/0/piiController").asText()).isEqualTo("wattt.example");
        assertThat(r.at("/services/0/purposes/0/purpose").asText()).isEqualTo("energy advice");
        assertThat(r.at("/services/0/purposes/0/piiCategory")).isNotEmpty();
        assertThat(r.at("/services/0/purposes/0/termination").asText()).contains("2027-03-05T00:00:00Z");
        assertThat(r.get("publicKey").asText()).isEqualTo(KEY.publicKey());
        assertThat(receipt.anchor().bundleHash()).isEqualTo(BUNDLE);
        assertThat(receipt.anchor().consentRoot()).isEqualTo(ROOT);
        assertThat(receipt.anchor().expires()).contains(end);
        assertThat(receipt.anchor().describes(facts(List.of(ConsentExpiry.condition(end))).authorized())).isTrue();
        assertThat(receipt.id()).as("the same consent, the same receipt id").isEqualTo(ConsentReceipt.signed(facts(List.of()), KEY).id());
    }

    @Test
    void aSignedReceiptVerifiesAsWrittenAndReLaidOut() throws Exception {
        String file = ConsentReceipt.signed(facts(List.of()), KEY).toJson();
        assertThat(ConsentReceipt.parse(file).signatureValid()).isTrue();
        // One line, keys in another order: the canonical form (RFC 8785) is the same.
        ObjectNode tree = (ObjectNode) JSON.readTree(file);
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("signature", tree.get("signature"));
        ObjectNode receipt = reordered.putObject("receipt");
        List<String> names = new java.util.ArrayList<>();
        tree.get("receipt").fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        for (String n : names) receipt.set(n, tree.get("receipt").get(n));
        assertThat(ConsentReceipt.parse(JSON.writeValueAsString(reordered)).signatureValid()).isTrue();
    }

    @Test
    void anyChangeBreaksTheSignature() throws Exception {
        String file = ConsentReceipt.signed(facts(List.of()), KEY).toJson();
        for (String[] change : new String[][] {
                {"\"energy advice\"", "\"energy advise\""},
                {"\"piiPrincipalId\" : \"alice\"", "\"piiPrincipalId\" : \"bob\""},
                {"\"consentTimestamp\" : 1796000000", "\"consentTimestamp\" : 1796000001"},
                {"\"jurisdiction\" : \"NL\"", "\"jurisdiction\" : \"BE\""},
                {"\"bundle\" : \"" + BUNDLE + "\"", "\"bundle\" : \"" + "C".repeat(81) + "\""}}) {
            assertThat(file).contains(change[0]);
            assertThat(ConsentReceipt.parse(file.replace(change[0], change[1])).signatureValid()).as(change[1]).isFalse();
        }
        // Signed again by someone else's key, naming that key: the signature holds, but it is not My Home's key.
        ReceiptKey other = new ReceiptKey(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
                25, 26, 27, 28, 29, 30, 31, 32});
        ConsentReceipt forged = ConsentReceipt.signed(facts(List.of()), other);
        assertThat(forged.signatureValid()).isTrue();
        assertThat(forged.publicKey()).isNotEqualTo(KEY.publicKey());
        // My Home's key named over a receipt it did not sign.
        String swapped = forged.toJson().replace(other.publicKey(), KEY.publicKey());
        assertThat(ConsentReceipt.parse(swapped).signatureValid()).isFalse();
    }

    @Test
    void whatIsNotAReceiptIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ConsentReceipt.parse("not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ConsentReceipt.parse("{\"receipt\":{}}")).hasMessageContaining("\"signature\"");
        assertThatThrownBy(() -> ConsentReceipt.parse("{\"receipt\":{\"version\":\"KI-CR-v1.1.0\"},\"signature\":{\"alg\":\"RS256\"}}"))
                .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> ConsentReceipt.parse("{\"receipt\":{\"version\":\"KI-CR-v1.1.0\"},"
                + "\"signature\":{\"alg\":\"Ed25519\",\"canonicalization\":\"RFC 8785\",\"value\":\"\"}}").anchor())
                .hasMessageContaining("iotahome");
        assertThat(ReceiptKey.fingerprintOf(KEY.publicKey())).matches("[0-9A-F]{4}( [0-9A-F]{4}){3}");
    }
}
