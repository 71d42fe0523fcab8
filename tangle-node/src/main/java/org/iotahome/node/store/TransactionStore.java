package org.iotahome.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.tangle.TransactionCheck.Accepted;

/**
 * The node's durable transactions (PROTOCOL.md §2) in one H2 MVStore file: trytes by hash, and
 * one sorted index per searchable field whose keys are the field value followed by the hash, so
 * a lookup is a prefix range scan (O(log n + hits)). Every {@link #store} commits and forces the
 * file before returning: an accepted transaction survives a crash, {@code kill -9} included.
 */
public final class TransactionStore implements AutoCloseable {

    /** The searchable fields; tags index both tag and obsoleteTag, as IRI 1.4+ does. */
    public enum Index {
        ADDRESS, BUNDLE, TAG, APPROVEE
    }

    private static final String FILE = "tangle.mv.db";

    private final MVStore store;
    private final MVMap<String, String> trytes;
    private final MVMap<String, String> address;
    private final MVMap<String, String> bundle;
    private final MVMap<String, String> tag;
    private final MVMap<String, String> approvee;
    /** Transactions no stored transaction approves yet: where new ones attach. */
    private final MVMap<String, String> tips;

    private TransactionStore(MVStore store) {
        this.store = store;
        this.trytes = store.openMap("trytes");
        this.address = store.openMap("address");
        this.bundle = store.openMap("bundle");
        this.tag = store.openMap("tag");
        this.approvee = store.openMap("approvee");
        this.tips = store.openMap("tips");
    }

    /** Opens (or creates) the store in {@code dir}. */
    public static TransactionStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        Path file = dir.resolve(FILE).toAbsolutePath();
        try {
            // Compressed pages: a message transaction is mostly '9' padding, LZF shrinks it ~5x.
            return new TransactionStore(new MVStore.Builder().fileName(file.toString()).compress()
                    .autoCommitDisabled().open());
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the transaction store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores new transactions and makes them durable; ones already stored are left as they are. */
    public synchronized int store(List<Accepted> accepted) {
        int added = 0;
        for (Accepted a : accepted) {
            String hash = a.hash();
            if (trytes.containsKey(hash)) continue;
            Transaction tx = a.transaction();
            trytes.put(hash, a.trytes());
            address.put(tx.address() + hash, "");
            bundle.put(tx.bundle() + hash, "");
            tag.put(tx.tag() + hash, "");
            tag.put(tx.obsoleteTag() + hash, "");
            approvee.put(tx.trunkTransaction() + hash, "");
            approvee.put(tx.branchTransaction() + hash, "");
            tips.remove(tx.trunkTransaction());
            tips.remove(tx.branchTransaction());
            if (!hasPrefix(approvee, hash)) tips.put(hash, "");
            added++;
        }
        if (added > 0) {
            store.commit();
            store.sync();
        }
        return added;
    }

    public Optional<String> trytes(String hash) {
        return Optional.ofNullable(trytes.get(hash));
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
            out.add(key.substring(value.length()));
        }
        return out;
    }

    public long size() {
        return trytes.sizeAsLong();
    }

    public long tipCount() {
        return tips.sizeAsLong();
    }

    /** The tip at {@code index} (0 .. tipCount-1) in hash order, or null when tips changed under the caller. */
    public String tipAt(long index) {
        return index < tips.sizeAsLong() ? tips.getKey(index) : null;
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
