package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;

import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.hash.Curl;

/**
 * The Merkle tree over a run of leaf addresses (PROTOCOL.md §5): a parent is Curl-P-27 of its left
 * then right child. The reference client builds trees of 1, 2, 4, 8… leaves; for other counts an
 * unpaired node is paired with itself, so every level has a sibling and a verifier needs only the
 * leaf's index and its siblings. With one leaf the root is that leaf's address.
 */
public final class MerkleTree {

    /** levels.get(0) holds the leaves; the last level holds the root. */
    private final List<byte[][]> levels;

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    /** The tree over the leaves {@code start .. start+count-1} of {@code seed}. */
    public static MerkleTree of(byte[] seed, long start, int count, int security) {
        if (count < 1) throw new IllegalArgumentException("a Merkle tree needs at least one leaf, asked " + count);
        byte[][] leaves = new byte[count][];
        for (int i = 0; i < count; i++) leaves[i] = Iss.leafAddress(seed, start + i, security);
        return over(leaves);
    }

    public static MerkleTree over(byte[][] leaves) {
        List<byte[][]> levels = new ArrayList<>();
        levels.add(leaves);
        Curl curl = Curl.p27();
        byte[][] level = leaves;
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                byte[] left = level[2 * i];
                byte[] right = 2 * i + 1 < level.length ? level[2 * i + 1] : left;
                up[i] = parent(curl, left, right);
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels);
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    public int leafCount() {
        return levels.get(0).length;
    }

    /** The siblings of leaf {@code index}, leaf level first, concatenated. */
    public byte[] siblings(int index) {
        if (index < 0 || index >= leafCount())
            throw new IllegalArgumentException("leaf index " + index + " outside a tree of " + leafCount());
        byte[] out = new byte[(levels.size() - 1) * HASH_LENGTH];
        int node = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = (node ^ 1) < level.length ? node ^ 1 : node;
            System.arraycopy(level[sibling], 0, out, l * HASH_LENGTH, HASH_LENGTH);
            node >>= 1;
        }
        return out;
    }

    /** The root that leaf {@code leaf} at {@code index} with {@code count} siblings leads to. */
    public static byte[] rootOf(byte[] leaf, byte[] siblings, int offset, int count, long index) {
        Curl curl = Curl.p27();
        byte[] node = leaf.clone();
        byte[] sibling = new byte[HASH_LENGTH];
        for (int l = 0; l < count; l++) {
            System.arraycopy(siblings, offset + l * HASH_LENGTH, sibling, 0, HASH_LENGTH);
            node = (index >>> l & 1) == 0 ? parent(curl, node, sibling) : parent(curl, sibling, node);
        }
        return node;
    }

    private static byte[] parent(Curl curl, byte[] left, byte[] right) {
        curl.reset();
        curl.absorb(left);
        curl.absorb(right);
        return curl.squeeze(HASH_LENGTH);
    }
}
