package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static byte[][] leaves(int n, Random random) {
        byte[][] out = new byte[n][243];
        for (byte[] leaf : out) for (int i = 0; i < 243; i++) leaf[i] = (byte) (random.nextInt(3) - 1);
        return out;
    }

    @Test
    void everyLeafsSiblingsLeadToTheRootForAnyLeafCount() {
        Random random = new Random(7);
        for (int n = 1; n <= 9; n++) {
            byte[][] leaves = leaves(n, random);
            MerkleTree tree = MerkleTree.over(leaves);
            int depth = tree.siblings(0).length / 243;
            assertThat(1 << depth).as("depth for %d leaves", n).isGreaterThanOrEqualTo(n);
            for (int i = 0; i < n; i++)
                assertThat(MerkleTree.rootOf(leaves[i], tree.siblings(i), 0, depth, i)).as("leaf %d of %d", i, n)
                        .isEqualTo(tree.root());
        }
    }

    @Test
    void aLeafAtTheWrongIndexLeadsElsewhere() {
        byte[][] leaves = leaves(4, new Random(8));
        MerkleTree tree = MerkleTree.over(leaves);
        assertThat(MerkleTree.rootOf(leaves[1], tree.siblings(1), 0, 2, 2)).isNotEqualTo(tree.root());
    }

    @Test
    void oneLeafIsItsOwnRoot() {
        byte[][] leaves = leaves(1, new Random(9));
        assertThat(MerkleTree.over(leaves).root()).isEqualTo(leaves[0]);
        assertThat(MerkleTree.over(leaves).siblings(0)).isEmpty();
    }
}
