package org.iotahome.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.iotahome.node.pow.PowQueue;
import org.iotahome.node.store.TipSelector;
import org.iotahome.node.store.TransactionStore;
import org.iotahome.node.store.TransactionStore.Index;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.tangle.TransactionCheck;

/**
 * The IRI commands of PROTOCOL.md §2 over the store and the proof-of-work queue. Each takes the
 * parsed request and answers the fields IRI answers; bad input throws {@link IriRequestException}.
 */
public final class IriCommands {

    /** A weight above this takes hours on a laptop: refused rather than queued. */
    static final int MAX_ATTACH_WEIGHT = 20;
    private static final int MAX_LIST = 10_000;
    private static final String NINES_TX = "9".repeat(Transaction.TRYTES);

    private final ObjectMapper json;
    private final TransactionStore store;
    private final TipSelector tips;
    private final PowQueue pow;
    private final TransactionCheck check;
    private final int maxFindResults;

    public IriCommands(ObjectMapper json, TransactionStore store, TipSelector tips, PowQueue pow, TransactionCheck check,
            int maxFindResults) {
        this.json = json;
        this.store = store;
        this.tips = tips;
        this.pow = pow;
        this.check = check;
        this.maxFindResults = maxFindResults;
    }

    public ObjectNode execute(String command, JsonNode request) {
        IriParams p = new IriParams(request);
        return switch (command) {
            case "getNodeInfo" -> nodeInfo();
            case "getTransactionsToApprove" -> transactionsToApprove(p);
            case "attachToTangle" -> attachToTangle(p);
            case "storeTransactions", "broadcastTransactions" -> storeTransactions(p);
            case "findTransactions" -> findTransactions(p);
            case "getTrytes" -> getTrytes(p);
            default -> throw new IriRequestException("Command [" + command + "] is unknown");
        };
    }

    private ObjectNode nodeInfo() {
        Runtime rt = Runtime.getRuntime();
        ObjectNode r = json.createObjectNode().put("appName", "iotahome-tangle-node").put("appVersion", "1.0.0")
                .put("jreAvailableProcessors", rt.availableProcessors()).put("jreFreeMemory", rt.freeMemory())
                .put("jreMaxMemory", rt.maxMemory()).put("jreTotalMemory", rt.totalMemory())
                .put("jreVersion", System.getProperty("java.version"))
                .put("latestMilestone", TipSelector.GENESIS).put("latestMilestoneIndex", 0)
                .put("latestSolidSubtangleMilestone", TipSelector.GENESIS).put("latestSolidSubtangleMilestoneIndex", 0)
                .put("milestoneStartIndex", 0).put("neighbors", 0).put("packetsQueueSize", pow.waiting())
                .put("time", System.currentTimeMillis()).put("tips", store.tipCount()).put("transactions", store.size())
                .put("transactionsToRequest", 0).put("minWeightMagnitude", check.minWeightMagnitude());
        r.putArray("features").add("RemotePOW");
        return r;
    }

    private ObjectNode transactionsToApprove(IriParams p) {
        if (p.has("depth")) p.integer("depth", 0, 15);
        TipSelector.Tips t = tips.select();
        return json.createObjectNode().put("trunkTransaction", t.trunk()).put("branchTransaction", t.branch());
    }

    private ObjectNode attachToTangle(IriParams p) {
        String trunk = p.hash("trunkTransaction");
        String branch = p.hash("branchTransaction");
        // A client asking less than the node accepts would get transactions it cannot store.
        int mwm = Math.max(p.integer("minWeightMagnitude", 0, MAX_ATTACH_WEIGHT), check.minWeightMagnitude());
        List<String> trytes = p.trytesList("trytes", Transaction.TRYTES, Transaction.TRYTES, false, MAX_LIST);
        if (trytes.isEmpty()) throw new IriRequestException("Invalid trytes input: the list is empty");
        for (int i = 0; i < trytes.size(); i++) {
            try {
                Transaction.fromTrytes(trytes.get(i));
            } catch (IllegalArgumentException e) {
                throw new IriRequestException("Invalid trytes input: transaction " + i + ": " + e.getMessage());
            }
        }
        List<String> attached;
        try {
            attached = pow.attach(trunk, branch, mwm, trytes).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for proof of work", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("proof of work failed: " + e.getCause().getMessage(), e.getCause());
        }
        ObjectNode r = json.createObjectNode();
        attached.forEach(r.putArray("trytes")::add);
        return r;
    }

    /** Every transaction is checked first; one invalid one refuses the request and stores nothing. */
    private ObjectNode storeTransactions(IriParams p) {
        List<String> trytes = p.trytesList("trytes", 0, Integer.MAX_VALUE, false, MAX_LIST);
        List<TransactionCheck.Accepted> accepted = new ArrayList<>(trytes.size());
        for (int i = 0; i < trytes.size(); i++) {
            TransactionCheck.Checked c = check.check(trytes.get(i));
            if (c instanceof TransactionCheck.Refused r)
                throw new IriRequestException("Invalid trytes input: transaction " + i + ": " + r.reason());
            accepted.add((TransactionCheck.Accepted) c);
        }
        store.store(accepted);
        return json.createObjectNode();
    }

    /** IRI semantics: a union within each field, the intersection across the fields given. */
    private ObjectNode findTransactions(IriParams p) {
        List<String> addresses = p.trytesList("addresses", 81, 90, true, MAX_LIST).stream().map(a -> a.substring(0, 81)).toList();
        List<String> bundles = p.trytesList("bundles", 81, 81, true, MAX_LIST);
        List<String> tags = p.trytesList("tags", 1, 27, true, MAX_LIST).stream().map(t -> t + "9".repeat(27 - t.length())).toList();
        List<String> approvees = p.trytesList("approvees", 81, 81, true, MAX_LIST);
        Set<String> result = null;
        result = narrow(result, Index.ADDRESS, addresses, p.has("addresses"));
        result = narrow(result, Index.BUNDLE, bundles, p.has("bundles"));
        result = narrow(result, Index.TAG, tags, p.has("tags"));
        result = narrow(result, Index.APPROVEE, approvees, p.has("approvees"));
        if (result == null) throw new IriRequestException("Invalid parameters: give addresses, bundles, tags or approvees");
        ObjectNode r = json.createObjectNode();
        result.forEach(r.putArray("hashes")::add);
        return r;
    }

    private Set<String> narrow(Set<String> sofar, Index index, List<String> values, boolean given) {
        if (!given) return sofar;
        Set<String> union = new LinkedHashSet<>();
        for (String v : values) {
            union.addAll(store.find(index, v, maxFindResults));
            if (union.size() > maxFindResults)
                throw new IriRequestException("Could not complete request: more than " + maxFindResults + " transactions match");
        }
        if (sofar != null) union.retainAll(sofar);
        return union;
    }

    /** Unknown hashes answer 2673 '9's, as IRI does. */
    private ObjectNode getTrytes(IriParams p) {
        List<String> hashes = p.trytesList("hashes", 81, 81, false, MAX_LIST);
        ObjectNode r = json.createObjectNode();
        var out = r.putArray("trytes");
        for (String h : hashes) out.add(store.trytes(h).orElse(NINES_TX));
        return r;
    }
}
