package org.iotahome.protocol.tangle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.testing.NodeOracle;

/**
 * Regenerates {@code vectors/tangle/bundles-by-us.json}: bundles we attached, good and broken,
 * with the verdict of iota.lib.js@0.5.3 on each. Run from shared-protocol:
 * {@code java -cp target/test-classes:target/classes:DEPS org.iotahome.protocol.tangle.OurBundlesForTheOracle}.
 */
public final class OurBundlesForTheOracle {

    public static void main(String[] args) throws Exception {
        Attacher attacher = new Attacher(ProofOfWork.create(), () -> 1_700_000_000_000L);
        String address = "IOTAHOME9VECTORS" + "9".repeat(65);
        String genesis = "9".repeat(81);
        ArrayNode out = NodeOracle.JSON.createArrayNode();
        List<String> good = attacher.attach(genesis, genesis, 3,
                Attacher.lastFirst(MessageBundle.build(address, "IOTAHOME", "{\"raw\":\"" + "q".repeat(2500) + "\"}", 1_700_000_000L)));
        add(out, "two transactions", good);
        add(out, "one transaction", attacher.attach(genesis, genesis, 3,
                Attacher.lastFirst(MessageBundle.build(address, "", "{\"type\":\"CLAIM_DEVICE\",\"v\":1}", 1_700_000_001L))));
        List<String> tamperedAddress = new ArrayList<>(good);
        Transaction t0 = Transaction.fromTrytes(good.get(0));
        tamperedAddress.set(0, new Transaction(t0.signatureMessageFragment(), "B".repeat(81), 0, t0.obsoleteTag(),
                t0.timestamp(), 0, t0.lastIndex(), t0.bundle(), t0.trunkTransaction(), t0.branchTransaction(), t0.tag(),
                t0.attachmentTimestamp(), 0, t0.attachmentTimestampUpperBound(), t0.nonce()).toTrytes());
        add(out, "address changed after the bundle hash", tamperedAddress);
        List<String> wrongIndex = new ArrayList<>(good);
        wrongIndex.set(1, new Transaction(Transaction.fromTrytes(good.get(1)).signatureMessageFragment(), address, 0,
                t0.obsoleteTag(), t0.timestamp(), 1, 2, t0.bundle(), genesis, genesis, t0.tag(), 0, 0, 0, "9".repeat(27)).toTrytes());
        add(out, "lastIndex disagrees", wrongIndex);
        List<String> moved = new ArrayList<>(good);
        moved.set(0, new Transaction(t0.signatureMessageFragment(), address, 5, t0.obsoleteTag(), t0.timestamp(), 0,
                t0.lastIndex(), t0.bundle(), t0.trunkTransaction(), t0.branchTransaction(), t0.tag(),
                t0.attachmentTimestamp(), 0, t0.attachmentTimestampUpperBound(), t0.nonce()).toTrytes());
        add(out, "value that does not balance", moved);
        Path in = Files.createTempFile("ours", ".json");
        Files.writeString(in, NodeOracle.JSON.writeValueAsString(out));
        Path target = Path.of("src/test/resources/vectors/tangle/bundles-by-us.json");
        NodeOracle.run("verify-bundles.js", in.toString(), target.toAbsolutePath().toString());
        Files.delete(in);
        System.out.println("wrote " + target);
    }

    private static void add(ArrayNode out, String name, List<String> trytes) {
        ObjectNode b = out.addObject().put("name", name);
        trytes.forEach(b.putArray("trytes")::add);
    }
}
