package org.iotahome.node.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.tangle.TransactionCheck.Accepted;

/**
 * The node's durable transactions (PROTOCOL.md §2) in one H2 MVStore file. Each transaction gets
 * the next sequence number: trytes and hash are kept by number (append-only maps, so a commit
 * rewrites only their last pages), the hash leads back to the number, and each searchable field
 * has a sorted index whose keys are the field value followed by the number, so a lookup is a
 * prefix range scan (O(log n + hits)). Every {@link #store} commits and forces the file before
 * returning: an accepted transaction survives a crash, {@code kill -9} included.
 */
public final class TransactionStore implements AutoCloseable {

    /** The searchable fields; tags index both tag and obsoleteTag, as IRI 1.4+ does. */
    public enum Index {
        ADDRESS, BUNDLE, TAG, APPROVEE
    }

    private static final String FILE = "tangle.mv.db";
    /** Sequence numbers in index keys: fixed width, so keys with one prefix sort by number. */
    private static final int SEQ_CHARS = 13;

    private final MVStore store;
    private final MVMap<Long, byte[]> trytes;
    private final MVMap<Long, String> hashOf;
    private final MVMap<String, Long> seqOf;
    private final MVMap<String, String> address;
    private final MVMap<String, String> bundle;
    private final MVMap<String, String> tag;
    private final MVMap<String, String> approvee;
    /** Numbers of the transactions no stored transaction approves yet: where new ones attach. */
    private final MVMap<Long, String> tips;

    private TransactionStore(MVStore store) {
        this.store = store;
        // ASCII bytes: written as one copy, where a String value is encoded char by char.
        this.trytes = store.openMap("trytes", new MVMap.Builder<Long, byte[]>().valueType(ByteArrayDataType.INSTANCE));
        this.hashOf = store.openMap("hashOf");
        this.seqOf = store.openMap("seqOf");
        this.address = store.openMap("address");
        this.bundle = store.openMap("bundle");
        this.tag = store.openMap("tag");
        this.approvee = store.openMap("approvee");
        this.tips = store.openMap("tips");
    }

    /** Opens (or creates) the store in {@code dir} with a 256 MB page cache. */
    public static TransactionStore open(Path dir) {
        return open(dir, 256);
    }

    public static TransactionStore open(Path dir, int cacheMegabytes) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        Path file = dir.resolve(FILE).toAbsolutePath();
        try {
            // Uncompressed: LZF on every page rewrite cost more time than the disk space it saved.
            // A page cache large enough for the indexes' inner pages and hot leaves: inserts at random
            // keys (addresses, bundle hashes) otherwise read a leaf from disk each (default 16 MB).
            return new TransactionStore(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
                    .autoCommitDisabled().open());
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the transaction store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores new transactions and makes them durable; ones already stored are left as they are.
     * Index keys go in sorted per map, so a large batch walks each B-tree once instead of at random.
     */
    public synchronized int store(List<Accepted> accepted) {
        long next = trytes.isEmpty() ? 0 : trytes.lastKey() + 1;
        List<String> addressKeys = new ArrayList<>(), bundleKeys = new ArrayList<>(), tagKeys = new ArrayList<>(),
                approveeKeys = new ArrayList<>();
        java.util.Map<String, Long> batch = new java.util.HashMap<>();
        for (Accepted a : accepted) {
            String hash = a.hash();
            if (batch.containsKey(hash) || seqOf.containsKey(hash)) continue;
            long seq = next++;
            batch.put(hash, seq);
            String key = seqKey(seq);
            Transaction tx = a.transaction();
            trytes.put(seq, a.trytes().getBytes(StandardCharsets.US_ASCII));
            hashOf.put(seq, hash);
            addressKeys.add(tx.address() + key);
            bundleKeys.add(tx.bundle() + key);
            tagKeys.add(tx.tag() + key);
            tagKeys.add(tx.obsoleteTag() + key);
            approveeKeys.add(tx.trunkTransaction() + key);
            approveeKeys.add(tx.branchTransaction() + key);
        }
        int added = batch.size();
        if (added == 0) return 0;
        new java.util.TreeMap<>(batch).forEach(seqOf::put);
        putSorted(address, addressKeys);
        putSorted(bundle, bundleKeys);
        putSorted(tag, tagKeys);
        putSorted(approvee, approveeKeys);
        for (Accepted a : accepted) {
            Long seq = batch.remove(a.hash());
            if (seq == null) continue;
            untip(a.transaction().trunkTransaction());
            untip(a.transaction().branchTransaction());
            if (!hasPrefix(approvee, a.hash())) tips.put(seq, "");
        }
        store.commit();
        store.sync();
        return added;
    }

    private static void putSorted(MVMap<String, String> map, List<String> keys) {
        keys.sort(null);
        for (String k : keys) map.put(k, "");
    }

    public Optional<String> trytes(String hash) {
        Long seq = seqOf.get(hash);
        if (seq == null) return Optional.empty();
        byte[] t = trytes.get(seq);
        return t == null ? Optional.empty() : Optional.of(new String(t, StandardCharsets.US_ASCII));
    }

    /**
     * Hashes of the transactions whose {@code index} field is {@code value} (81 trytes; tags 27),
     * at most {@code limit} + 1 of them so a caller can tell "more than limit".
     */
    public List<String> find(Index index, String value, int limit) {
        MVMap<String, String> map = map(index);
        List<String> out = new ArrayList<>();
        Iterator<String> keys = map.keyIterator(value);
        while (keys.hasNext() && out.size() <= limit) {
            String key = keys.next();
            if (!key.startsWith(value)) break;
            String hash = hashOf.get(Long.parseLong(key.substring(value.length()), 36));
            if (hash != null) out.add(hash);
        }
        return out;
    }

    public long size() {
        return trytes.sizeAsLong();
    }

    private void untip(String approved) {
        Long seq = seqOf.get(approved);
        if (seq != null) tips.remove(seq);
    }

    private static String seqKey(long seq) {
        String s = Long.toString(seq, 36);
        return "0".repeat(SEQ_CHARS - s.length()) + s;
    }

    public long tipCount() {
        return tips.sizeAsLong();
    }

    /** The tip at {@code index} (0 .. tipCount-1) in arrival order, or null when tips changed under the caller. */
    public String tipAt(long index) {
        Long seq = index < tips.sizeAsLong() ? tips.getKey(index) : null;
        return seq == null ? null : hashOf.get(seq);
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) store.close();
    }

    private MVMap<String, String> map(Index index) {
        return switch (index) {
            case ADDRESS -> address;
            case BUNDLE -> bundle;
            case TAG -> tag;
            case APPROVEE -> approvee;
        };
    }

    private static boolean hasPrefix(MVMap<String, String> map, String prefix) {
        String next = map.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }
}
