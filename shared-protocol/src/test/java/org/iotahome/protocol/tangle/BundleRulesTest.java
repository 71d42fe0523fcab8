package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.pow.ProofOfWork;
import org.junit.jupiter.api.Test;

/** Validation reasons, assembly from an address, and the extractJson rules. */
class BundleRulesTest {

    private static final String ADDRESS = "A".repeat(81);
    private static final String TIP = "9".repeat(81);
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final Attacher attacher = new Attacher(ProofOfWork.create(), clock::incrementAndGet);

    private List<Transaction> attached(String json, int mwm) {
        List<Transaction> out = new ArrayList<>();
        attacher.attach(TIP, TIP, mwm, Attacher.lastFirst(MessageBundle.build(ADDRESS, "T", json, 1_700_000_000L)))
                .forEach(t -> out.add(Transaction.fromTrytes(t)));
        return out;
    }

    private static String big(int n) {
        return "{\"raw\":\"" + "x".repeat(n) + "\"}";
    }

    @Test
    void attachReturnsTheTailFirstAndChainsTrunks() {
        List<Transaction> b = attached(big(2500), 3);
        assertThat(b).extracting(Transaction::currentIndex).containsExactly(0L, 1L, 2L);
        assertThat(b.get(0).trunkTransaction()).isEqualTo(b.get(1).hash());
        assertThat(b.get(1).trunkTransaction()).isEqualTo(b.get(2).hash());
        assertThat(b.get(2).trunkTransaction()).isEqualTo(TIP);
        assertThat(b.get(0).branchTransaction()).isEqualTo(TIP);
        assertThat(b.get(0).tag()).startsWith("T99");
        assertThat(BundleValidator.attached(3).problem(b)).isNull();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        List<Transaction> b = attached(big(3000), 3);
        assertThat(BundleValidator.attached(40).problem(b)).startsWith("transaction 0 has proof-of-work weight").endsWith("needs 40");
        List<Transaction> swapped = new ArrayList<>(b);
        Collections.swap(swapped, 0, 1);
        assertThat(BundleValidator.attached(3).problem(swapped)).isEqualTo("transaction 0 has currentIndex 1");
        assertThat(BundleValidator.attached(3).problem(b.subList(0, 1))).contains("has lastIndex 2, bundle has 1 transactions");
        List<Transaction> foreign = new ArrayList<>(b);
        foreign.set(1, b.get(1).withBundle("B".repeat(81)));
        assertThat(BundleValidator.unattached().problem(foreign)).startsWith("transaction 1 belongs to another bundle");
        List<Transaction> retagged = new ArrayList<>(b);
        retagged.set(0, b.get(0).withObsoleteTag("Z".repeat(27)));
        assertThat(BundleValidator.unattached().problem(retagged)).contains("does not match the essences");
        List<Transaction> unchained = new ArrayList<>(b);
        unchained.set(1, attached(big(3000), 1).get(1));
        // same essence (same second, same size), other fragments: only the trunk chain tells
        assertThat(BundleValidator.attached(0).problem(unchained)).isEqualTo("transaction 0 does not approve transaction 1 as its trunk");
        assertThat(BundleValidator.attached(0).problem(List.of(b.get(0), b.get(2), b.get(1))))
                .isEqualTo("transaction 1 has currentIndex 2");
        assertThat(BundleValidator.unattached().problem(List.of())).isEqualTo("empty bundle");
    }

    @Test
    void aSignedPayloadsBundleIsCheckedForItsStructureOnly() {
        List<Transaction> b = attached(big(3000), 3);
        assertThat(BundleValidator.signedPayload().problem(b)).isNull();
        List<Transaction> retagged = new ArrayList<>(b);
        retagged.set(0, b.get(0).withObsoleteTag("Z".repeat(27)));
        // Nothing hashed: the MAM signature covers the payload, the bundle hash and PoW cover none of it.
        assertThat(BundleValidator.attached(0).problem(retagged)).contains("does not match the essences");
        assertThat(BundleValidator.signedPayload().problem(retagged)).isNull();
        List<Transaction> swapped = new ArrayList<>(b);
        Collections.swap(swapped, 0, 1);
        assertThat(BundleValidator.signedPayload().problem(swapped)).isEqualTo("transaction 0 has currentIndex 1");
        List<Transaction> foreign = new ArrayList<>(b);
        foreign.set(1, b.get(1).withBundle("B".repeat(81)));
        assertThat(BundleValidator.signedPayload().problem(foreign)).startsWith("transaction 1 belongs to another bundle");
    }

    @Test
    void assemblyByStoredHashesFindsWhatAssemblyByComputedHashesFinds() {
        List<Transaction> found = new ArrayList<>(attached("{\"n\":2}", 1));
        found.addAll(attached(big(2500), 1));
        found.addAll(attached(big(2500), 1)); // a reattachment: both instances
        found.add(attached(big(2600), 1).get(1));
        Collections.shuffle(found, new java.util.Random(11));
        java.util.Map<String, Transaction> byHash = new java.util.LinkedHashMap<>();
        for (Transaction tx : found) byHash.put(tx.hash(), tx);
        assertThat(BundleAssembler.instances(byHash)).isEqualTo(BundleAssembler.instances(found)).hasSize(3);
    }

    @Test
    void aNodeLyingAboutAHashCanLinkAForgedFragmentButTheAttachedCheckRefusesIt() {
        List<Transaction> real = attached(big(2500), 1);
        assertThat(real).hasSize(3);
        Transaction forged = new Transaction("9".repeat(2187).replaceFirst("9", "A"), ADDRESS, 0, real.get(1).obsoleteTag(),
                real.get(1).timestamp(), 1, 2, real.get(1).bundle(), real.get(1).trunkTransaction(), TIP, real.get(1).tag(), 1, 0, 0,
                "9".repeat(27));
        java.util.Map<String, Transaction> lied = new java.util.LinkedHashMap<>();
        lied.put(real.get(0).hash(), real.get(0));
        lied.put(real.get(1).hash(), forged); // the node answers the real hash with other trytes
        lied.put(real.get(2).hash(), real.get(2));
        List<List<Transaction>> instances = BundleAssembler.instances(lied);
        assertThat(instances).containsExactly(List.of(real.get(0), forged, real.get(2)));
        assertThat(BundleValidator.attached(0).problem(instances.get(0)))
                .isEqualTo("transaction 0 does not approve transaction 1 as its trunk");
    }

    @Test
    void assemblyFindsWholeBundlesOnceInAttachmentOrderAndIgnoresReattachmentsAndOrphans() {
        List<Transaction> first = attached(big(2500), 1);
        List<Transaction> second = attached("{\"n\":2}", 1);
        List<Transaction> reattached = attached(big(2500), 1);
        List<Transaction> found = new ArrayList<>();
        found.addAll(second);
        found.addAll(reattached);
        found.addAll(first);
        found.add(attached(big(2600), 1).get(1)); // a lone non-tail: no bundle
        Collections.shuffle(found, new java.util.Random(7));
        List<List<Transaction>> bundles = BundleAssembler.complete(found);
        assertThat(bundles).hasSize(2);
        assertThat(bundles.get(0)).containsExactlyElementsOf(first);
        assertThat(bundles.get(1)).containsExactlyElementsOf(second);
    }

    @Test
    void twoMessagesWhoseBundleHashesCollideAreBothKept() {
        // Same address, tag, second and fragment count: zero-value essences are equal.
        List<Transaction> a = attached("{\"n\":1}", 1);
        List<Transaction> b = attached("{\"n\":2}", 1);
        assertThat(a.get(0).bundle()).isEqualTo(b.get(0).bundle());
        List<Transaction> found = new ArrayList<>(b);
        found.addAll(a);
        assertThat(BundleAssembler.complete(found)).containsExactly(a, b);
    }

    @Test
    void aForgedTransactionReusingTheBundleHashCannotSpliceInAFragment() {
        List<Transaction> real = attached(big(2500), 1);
        Transaction forged = new Transaction("9".repeat(2187).replaceFirst("9", "A"), ADDRESS, 0, real.get(1).obsoleteTag(),
                real.get(1).timestamp(), 1, 1, real.get(1).bundle(), TIP, TIP, real.get(1).tag(), 1, 0, 0, "9".repeat(27));
        List<Transaction> found = new ArrayList<>(real);
        found.add(0, forged);
        assertThat(BundleAssembler.complete(found)).containsExactly(real);
    }

    @Test
    void extractJsonReadsNestedBracesAndRefusesWhatIsNoMessage() {
        String nested = "{\"a\":{\"b\":\"}\"},\"c\":[{}]}";
        assertThat(JsonFragments.extract(JsonFragments.split(nested))).isEqualTo(nested);
        String exact = "{\"n\":\"" + "y".repeat(2187 - 8) + "\"}";
        assertThat(exact).hasSize(2187);
        assertThat(JsonFragments.split(exact)).hasSize(3);
        assertThat(JsonFragments.extract(JsonFragments.split(exact))).isEqualTo(exact);
        List<String> two = JsonFragments.split(big(3000));
        assertThatThrownBy(() -> JsonFragments.extract(two.subList(0, 1))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("no closing '}'");
        assertThatThrownBy(() -> JsonFragments.extract(List.of("9".repeat(2187)))).hasMessageContaining("does not start with '{'");
        assertThatThrownBy(() -> JsonFragments.extract(List.of("ODZZ" + "9".repeat(2183)))).hasMessageContaining("tryte pair ZZ at 2");
        assertThatThrownBy(() -> JsonFragments.split("[1]")).hasMessageContaining("one JSON object");
        assertThatThrownBy(() -> JsonFragments.split("{\"a\":\"\u00e9\"}")).hasMessageContaining("ASCII only");
    }
}
