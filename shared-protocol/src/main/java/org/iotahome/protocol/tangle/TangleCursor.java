package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotahome.protocol.trinary.Trytes;

/**
 * How far a reader of one address has got (PROTOCOL.md §3: every bundle exactly once). IRI's
 * findTransactions has no "since", so the cursor names what is settled: the transactions already
 * read (not fetched again) and the {@link MessageIdentity messages} already delivered, so a
 * reattachment is not a new message.
 *
 * <p>A bounded cursor ({@link #bounded}) also keeps a time mark: everything attached at or before
 * {@code since} (milliseconds) counts as settled without being remembered, and {@code attachedAt}
 * holds when each remembered hash was attached, so the oldest can be forgotten. An unbounded
 * cursor has {@code since} 0 and remembers every hash.
 */
public record TangleCursor(Set<String> transactions, Set<String> messages, long since, Map<String, Long> attachedAt) {

    public static final TangleCursor START = new TangleCursor(Set.of(), Set.of());

    public TangleCursor {
        for (String h : transactions) Trytes.requireTrytes("settled transaction hash", h, Transaction.HASH_TRYTES);
        for (String h : messages) Trytes.requireTrytes("delivered message identity", h, Transaction.HASH_TRYTES);
        if (since < 0) throw new IllegalArgumentException("the time mark must not be negative, got " + since);
        transactions = Set.copyOf(transactions);
        messages = Set.copyOf(messages);
        attachedAt = attachedAt == null ? Map.of() : Map.copyOf(attachedAt);
    }

    /** An unbounded cursor: every hash remembered, no time mark. */
    public TangleCursor(Set<String> transactions, Set<String> messages) {
        this(transactions, messages, 0, Map.of());
    }

    /** The cursor with {@code bundle}'s transactions settled, and its message delivered when {@code delivered}. */
    public TangleCursor settle(List<Transaction> bundle, boolean delivered) {
        Set<String> txs = new LinkedHashSet<>(transactions);
        for (Transaction tx : bundle) txs.add(tx.hash());
        Set<String> ms = messages;
        if (delivered) {
            ms = new LinkedHashSet<>(messages);
            ms.add(MessageIdentity.of(bundle));
        }
        return new TangleCursor(txs, ms, since, attachedAt);
    }

    /**
     * As {@link #settle(List, boolean)}, remembering that the bundle was attached at {@code at}
     * (milliseconds; the caller clamps a time from the future), so {@link #bounded} can forget it.
     */
    public TangleCursor settle(List<Transaction> bundle, boolean delivered, long at) {
        TangleCursor settled = settle(bundle, delivered);
        Map<String, Long> times = new HashMap<>(attachedAt);
        for (Transaction tx : bundle) times.put(tx.hash(), at);
        if (delivered) times.put(MessageIdentity.of(bundle), at);
        return new TangleCursor(settled.transactions, settled.messages, since, times);
    }

    /** True when this bundle's message (or an identical reattachment of it) was delivered. */
    public boolean delivered(List<Transaction> bundle) {
        return messages.contains(MessageIdentity.of(bundle));
    }

    /** True when the bundle was attached at or before the time mark: settled, whether remembered or not. */
    public boolean beforeMark(List<Transaction> bundle) {
        return since > 0 && bundle.get(0).attachmentTimestamp() <= since;
    }

    /** How many hashes (transactions and messages) this cursor remembers. */
    public int remembered() {
        return transactions.size() + messages.size();
    }

    /**
     * This cursor remembering at most {@code max} hashes: when it holds more, the time mark moves
     * forward past the oldest until at most {@code max / 2} remain (half, so that it is not pruned
     * again at the next bundle). A hash with no known time counts as the oldest.
     */
    public TangleCursor bounded(int max) {
        if (max < 2) throw new IllegalArgumentException("a bounded cursor remembers at least 2 hashes, not " + max);
        if (remembered() <= max) return this;
        List<Long> times = new ArrayList<>(remembered());
        for (String h : transactions) times.add(attachedAt.getOrDefault(h, 0L));
        for (String h : messages) times.add(attachedAt.getOrDefault(h, 0L));
        times.sort(null);
        // Everything at or before the cut is forgotten, ties too, so at most max / 2 remain however they were stamped.
        long cut = Math.max(since, times.get(times.size() - max / 2 - 1));
        Set<String> txs = new LinkedHashSet<>();
        Set<String> ms = new LinkedHashSet<>();
        Map<String, Long> kept = new HashMap<>();
        for (String h : transactions) keepIfAfter(h, cut, txs, kept);
        for (String h : messages) keepIfAfter(h, cut, ms, kept);
        return new TangleCursor(txs, ms, cut, kept);
    }

    private void keepIfAfter(String hash, long cut, Set<String> into, Map<String, Long> times) {
        long at = attachedAt.getOrDefault(hash, 0L);
        if (at <= cut) return;
        into.add(hash);
        times.put(hash, at);
    }
}
