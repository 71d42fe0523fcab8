package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.Trytes;

/**
 * A MAM channel writer as an immutable value (PROTOCOL.md §5): creating a message returns the
 * message and the channel advanced past the leaf it used. Changing mode or side key keeps the
 * chain of roots, so a reader who follows next roots goes on reading under the new key.
 */
public final class MamChannel {

    private final ChannelState state;

    private MamChannel(ChannelState state) {
        this.state = state;
    }

    /** A channel whose first message is signed with leaf {@code start} (computes two tree roots). */
    public static MamChannel open(String seed, MamMode mode, SideKey sideKey, int security, long start, int count) {
        Trytes.requireTrytes("seed", seed, 81);
        byte[] seedTrits = Trytes.toTrits(seed);
        String root = Trytes.fromTrits(MerkleTree.of(seedTrits, start, count, security).root());
        String nextRoot = Trytes.fromTrits(MerkleTree.of(seedTrits, start + count, count, security).root());
        return new MamChannel(new ChannelState(seed, mode, sideKey.trytes(), security, start, count, 0, root, nextRoot));
    }

    public static MamChannel open(String seed, MamMode mode, SideKey sideKey, int security) {
        return open(seed, mode, sideKey, security, 0, 1);
    }

    /** Goes on from a saved state; trusts its cached roots (they were computed when it was made). */
    public static MamChannel resume(ChannelState state) {
        return new MamChannel(state);
    }

    public ChannelState state() {
        return state;
    }

    public String root() {
        return state.root();
    }

    public String address() {
        return state.address();
    }

    /** The same chain of roots, read under another mode and side key from the next message on. */
    public MamChannel withMode(MamMode mode, SideKey sideKey) {
        ChannelState s = state;
        return new MamChannel(new ChannelState(s.seed(), mode, sideKey.trytes(), s.security(), s.start(), s.count(),
                s.index(), s.root(), s.nextRoot(), s.nextSecurity()));
    }

    /**
     * The same channel, its next tree made at {@code security}: readers infer a message's security
     * from the message (PROTOCOL.md §5), so the chain reads on across the change. The tree readers
     * already hold the root of keeps its security; its message announces the new next root. Only
     * before the tree's first message, while its next root is still unpublished (with the default
     * one-leaf trees: always); later the change waits for the first leaf of the next tree.
     */
    public MamChannel withNextSecurity(int security) {
        ChannelState s = state;
        if (security == s.nextSecurity()) return this;
        if (s.index() != 0)
            throw new IllegalStateException("this tree's messages already announce its next root; change security at its first leaf");
        String nextRoot = Trytes.fromTrits(MerkleTree.of(Trytes.toTrits(s.seed()), s.start() + s.count(), s.count(), security).root());
        return new MamChannel(new ChannelState(s.seed(), s.mode(), s.sideKey(), s.security(), s.start(), s.count(), 0, s.root(),
                nextRoot, security));
    }

    public MamChannel withSideKey(SideKey sideKey) {
        return withMode(state.mode(), sideKey);
    }

    /** A message and the channel after it. */
    public record Created(MamMessage message, MamChannel next) {
    }

    public Created create(String messageTrytes) {
        return create(messageTrytes, ReferenceOrderNonceFinder.INSTANCE);
    }

    public Created create(String messageTrytes, NonceFinder nonces) {
        Trytes.requireTrytes("message", messageTrytes);
        ChannelState s = state;
        byte[] seed = Trytes.toTrits(s.seed());
        byte[] privateKey = Iss.privateKey(Iss.subseed(seed, s.leaf()), s.security());
        byte[] siblings = s.count() == 1 ? new byte[0] : MerkleTree.of(seed, s.start(), s.count(), s.security()).siblings(s.index());
        MamEncoder.Parts parts = new MamEncoder.Parts(s.key().effectiveFor(s.mode()), Trytes.toTrits(s.root()), s.index(),
                Trytes.toTrits(s.nextRoot()), Trytes.toTrits(messageTrytes), privateKey, siblings, s.security());
        String payload = MamEncoder.encode(parts, nonces);
        MamMessage message = new MamMessage(s.root(), s.address(), payload, s.nextRoot());
        return new Created(message, new MamChannel(advance(s, seed)));
    }

    /** The next leaf of this tree, or the first of the next tree (whose successor's root is then due). */
    private static ChannelState advance(ChannelState s, byte[] seed) {
        if (s.index() + 1 < s.count())
            return new ChannelState(s.seed(), s.mode(), s.sideKey(), s.security(), s.start(), s.count(), s.index() + 1,
                    s.root(), s.nextRoot(), s.nextSecurity());
        long start = s.start() + s.count();
        String after = Trytes.fromTrits(MerkleTree.of(seed, start + s.count(), s.count(), s.nextSecurity()).root());
        return new ChannelState(s.seed(), s.mode(), s.sideKey(), s.nextSecurity(), start, s.count(), 0, s.nextRoot(), after,
                s.nextSecurity());
    }

    @Override
    public String toString() {
        return "MamChannel[" + state + "]";
    }
}
