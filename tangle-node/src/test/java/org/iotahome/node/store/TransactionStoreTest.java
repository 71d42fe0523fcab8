package org.iotahome.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.iotahome.node.store.TransactionStore.Index;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.tangle.TransactionCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionStoreTest {

    private static final String ADDRESS = "ADDR" + "9".repeat(77);

    private static TransactionCheck.Accepted accepted(Transaction tx) {
        return (TransactionCheck.Accepted) new TransactionCheck(0).check(tx.toTrytes());
    }

    private static List<TransactionCheck.Accepted> bundle(String json, String trunk) {
        List<Transaction> b = MessageBundle.build(ADDRESS, "TAGONE", json, 1_700_000_000L);
        return b.stream().map(tx -> accepted(tx.attachedTo(trunk, trunk, 1_700_000_000_000L))).toList();
    }

    @Test
    void findsByEveryIndexAndKeepsItAllAcrossAReopen(@TempDir Path dir) {
        List<TransactionCheck.Accepted> txs = bundle("{\"a\":1}", "9".repeat(81));
        TransactionCheck.Accepted tx = txs.get(0);
        try (TransactionStore store = TransactionStore.open(dir)) {
            assertThat(store.store(txs)).isEqualTo(1);
            assertThat(store.store(txs)).as("already stored").isZero();
        }
        try (TransactionStore store = TransactionStore.open(dir)) {
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.trytes(tx.hash())).contains(tx.trytes());
            assertThat(store.find(Index.ADDRESS, ADDRESS, 10)).containsExactly(tx.hash());
            assertThat(store.find(Index.BUNDLE, tx.transaction().bundle(), 10)).containsExactly(tx.hash());
            assertThat(store.find(Index.TAG, tx.transaction().tag(), 10)).containsExactly(tx.hash());
            assertThat(store.find(Index.APPROVEE, "9".repeat(81), 10)).containsExactly(tx.hash());
            assertThat(store.find(Index.ADDRESS, "B".repeat(81), 10)).isEmpty();
            assertThat(store.trytes("C".repeat(81))).isEmpty();
        }
    }

    @Test
    void aTransactionStopsBeingATipOnceApproved(@TempDir Path dir) {
        try (TransactionStore store = TransactionStore.open(dir)) {
            TransactionCheck.Accepted first = bundle("{\"a\":1}", "9".repeat(81)).get(0);
            store.store(List.of(first));
            assertThat(store.tipCount()).isEqualTo(1);
            assertThat(new TipSelector(store, new java.util.Random(1)).select().trunk()).isEqualTo(first.hash());

            store.store(bundle("{\"b\":2}", first.hash()));

            assertThat(store.tipCount()).isEqualTo(1);
            assertThat(store.tipAt(0)).isNotEqualTo(first.hash());
        }
    }

    @Test
    void anEmptyTangleApprovesTheGenesis(@TempDir Path dir) {
        try (TransactionStore store = TransactionStore.open(dir)) {
            assertThat(new TipSelector(store, new java.util.Random(1)).select())
                    .isEqualTo(new TipSelector.Tips(TipSelector.GENESIS, TipSelector.GENESIS));
        }
    }
}
