package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iotahome.protocol.trinary.Trytes;
import org.junit.jupiter.api.Test;

/**
 * The other direction, live: the reference client @iota/mam@0.7.3, run in Node now, decodes the
 * payloads we create (our own nonces) for every mode, security 1–3, one- and four-leaf trees,
 * short side keys, empty and multi-fragment messages, a side key changed mid-chain, and a chain
 * moved from security 2 to 1.
 */
class ReferenceReadsOurPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sent(MamMessage message, String text, SideKey key) {
    }

    @Test
    void theReferenceClientDecodesEveryPayloadWeCreate() throws Exception {
        assumeTrue(ReferenceClient.nodeAvailable(), "node is not on PATH: cannot run the reference client");
        ReferenceClient.requireInstalled();

        Random random = new Random(42);
        List<Sent> sent = new ArrayList<>();
        for (MamMode mode : MamMode.values()) {
            for (int security = 1; security <= 3; security++) {
                SideKey key = new SideKey(mode == MamMode.RESTRICTED ? "SHORTKEY" : "9");
                MamChannel channel = MamChannel.open(trytes(random, 81), mode, key, security, random.nextInt(50),
                        security == 2 ? 4 : 1);
                for (String text : List.of("", trytes(random, 1), trytes(random, 81), trytes(random, 2500), trytes(random, 7))) {
                    if (text.length() == 2500 && security == 3) continue;
                    MamChannel.Created c = channel.create(text);
                    sent.add(new Sent(c.message(), text, key.effectiveFor(mode)));
                    channel = c.next();
                }
                if (mode == MamMode.RESTRICTED) {
                    SideKey rotated = new SideKey(trytes(random, 81));
                    MamChannel.Created c = channel.withSideKey(rotated).create("ROTATED");
                    sent.add(new Sent(c.message(), "ROTATED", rotated));
                }
            }
        }

        // A running channel moved from security 2 to 1 (the device's data channel, issue 18): the last message
        // at 2 announces a root made at 1, and the reference reads both.
        SideKey movingKey = new SideKey("MOVINGKEY");
        MamChannel.Created atTwo = MamChannel.open(trytes(random, 81), MamMode.RESTRICTED, movingKey, 2).withNextSecurity(1)
                .create("LASTATTWO");
        sent.add(new Sent(atTwo.message(), "LASTATTWO", movingKey));
        sent.add(new Sent(atTwo.next().create("FIRSTATONE").message(), "FIRSTATONE", movingKey));

        // A nonce the reference's own search would not pick is still valid to it.
        MamChannel other = MamChannel.open(trytes(random, 81), MamMode.PRIVATE, SideKey.NONE, 2);
        MamChannel.Created odd = other.create("OTHERNONCE", ReferenceReadsOurPayloadsTest::secondFromZero);
        assertThat(odd.message().payload()).isNotEqualTo(other.create("OTHERNONCE").message().payload());
        sent.add(new Sent(odd.message(), "OTHERNONCE", SideKey.NONE));

        // Last (a refusal may leave the reference's runtime unusable): one tampered trit must be refused,
        // which also shows this harness can tell a good answer from a bad one.
        MamMessage good = sent.get(0).message();
        char[] bad = good.payload().toCharArray();
        bad[2000] = bad[2000] == 'A' ? 'B' : 'A';
        sent.add(new Sent(new MamMessage(good.root(), good.address(), new String(bad), good.nextRoot()), "", SideKey.NONE));

        List<JsonNode> answers = decodeWithReference(sent);
        assertThat(answers.get(sent.size() - 1).path("ok").asBoolean()).as("tampered payload refused").isFalse();
        for (int i = 0; i < sent.size() - 1; i++) {
            Sent s = sent.get(i);
            JsonNode a = answers.get(i);
            assertThat(a.path("ok").asBoolean()).as("reference decodes message %d: %s", i, a).isTrue();
            assertThat(a.path("message").asText()).isEqualTo(s.text());
            assertThat(a.path("nextRoot").asText()).isEqualTo(s.message().nextRoot());
        }
    }

    private static List<JsonNode> decodeWithReference(List<Sent> sent) throws Exception {
        Process node = new ProcessBuilder("node", "decode-mam.js").directory(ReferenceClient.ORACLES.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (Writer in = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.US_ASCII)) {
            for (Sent s : sent) {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("payload", s.message().payload());
                request.put("root", s.message().root());
                request.put("sideKey", s.key().equals(SideKey.NONE) ? null : s.key().trytes());
                in.write(JSON.writeValueAsString(request) + "\n");
            }
        }
        List<JsonNode> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = out.readLine()) != null; ) answers.add(JSON.readTree(line));
        }
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).as("one answer per payload").hasSize(sent.size());
        return answers;
    }

    /** The second valid nonce counting up from all zeros: not the one the reference's search picks. */
    static byte[] secondFromZero(org.iotahome.protocol.hash.Curl sponge, int security) {
        byte[] nonce = new byte[NonceFinder.NONCE_LENGTH];
        byte[] hash = new byte[243];
        for (int valid = 0; ; ) {
            for (int i = 0; i < nonce.length && ++nonce[i] > 1; i++) nonce[i] = -1;
            org.iotahome.protocol.hash.Curl trial = sponge.copy();
            trial.absorb(nonce, 0, nonce.length);
            trial.peek(hash, 0, 243);
            if (Iss.checksumSecurity(hash) == security && ++valid == 2) return nonce;
        }
    }

    static String trytes(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(Trytes.ALPHABET.charAt(random.nextInt(27)));
        return sb.toString();
    }
}
