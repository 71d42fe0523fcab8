package org.iotahome.protocol.tangle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotahome.protocol.trinary.Trytes;

/**
 * How far a reader of one address has got (PROTOCOL.md §3: every bundle exactly once). IRI's
 * findTransactions has no "since", so the cursor names what is settled: the transactions already
 * read (not fetched again) and the {@link MessageIdentity messages} already delivered, so a
 * reattachment is not a new message.
 */
public record TangleCursor(Set<String> transactions, Set<String> messages) {

    public static final TangleCursor START = new TangleCursor(Set.of(), Set.of());

    public TangleCursor {
        for (String h : transactions) Trytes.requireTrytes("settled transaction hash", h, Transaction.HASH_TRYTES);
        for (String h : messages) Trytes.requireTrytes("delivered message identity", h, Transaction.HASH_TRYTES);
        transactions = Set.copyOf(transactions);
        messages = Set.copyOf(messages);
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
        return new TangleCursor(txs, ms);
    }

    /** True when this bundle's message (or an identical reattachment of it) was delivered. */
    public boolean delivered(List<Transaction> bundle) {
        return messages.contains(MessageIdentity.of(bundle));
    }
}
