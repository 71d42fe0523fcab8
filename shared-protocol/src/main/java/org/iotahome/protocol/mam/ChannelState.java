package org.iotahome.protocol.mam;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Everything a channel writer must remember (PROTOCOL.md §5): the seed; mode and side key; the
 * security of the tree the next message is signed in; that tree ({@code start}: its first leaf,
 * {@code count} leaves, {@code index}: the next unused leaf in it); the roots of that tree and of
 * the one after it, kept so a message costs one tree, not two; and the security of that next tree
 * ({@code nextSecurity}). The two securities differ for one tree when a channel changes security:
 * a root is the address of keys of one security, so the tree whose root readers already hold is
 * signed at its own security and only the next root, not yet published, is made at the new one.
 * A state saved before {@code nextSecurity} existed reads it as 0, which means "as {@code security}".
 * Immutable; persisted before any message made from it leaves the process.
 */
public record ChannelState(String seed, MamMode mode, String sideKey, int security, long start, int count,
                           int index, String root, String nextRoot, int nextSecurity) {

    @JsonCreator
    public ChannelState {
        Trytes.requireTrytes("seed", seed, 81);
        Objects.requireNonNull(mode, "mode");
        sideKey = new SideKey(sideKey).trytes();
        Iss.requireSecurity(security);
        if (nextSecurity == 0) nextSecurity = security;
        Iss.requireSecurity(nextSecurity);
        if (start < 0) throw new IllegalArgumentException("start must be ≥ 0, was " + start);
        if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, was " + count);
        if (index < 0 || index >= count)
            throw new IllegalArgumentException("index must be in 0.." + (count - 1) + ", was " + index);
        Trytes.requireTrytes("root", root, 81);
        Trytes.requireTrytes("next root", nextRoot, 81);
    }

    /** Both trees at one security. */
    public ChannelState(String seed, MamMode mode, String sideKey, int security, long start, int count, int index,
                        String root, String nextRoot) {
        this(seed, mode, sideKey, security, start, count, index, root, nextRoot, security);
    }

    public SideKey key() {
        return new SideKey(sideKey);
    }

    /** The leaf the next message is signed with. */
    public long leaf() {
        return start + index;
    }

    /** The Tangle address the next message goes to. */
    public String address() {
        return mode.address(root);
    }

    /** Never printed whole: the seed and key are secrets. */
    @Override
    public String toString() {
        return "ChannelState[" + mode.label() + ", security " + security + (nextSecurity != security ? ", next tree " + nextSecurity : "") + ", start " + start + ", count " + count
                + ", index " + index + ", root " + root + "]";
    }
}
