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
                s.index(), s.root(), s.nextRoot()));
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
                    s.root(), s.nextRoot());
        long start = s.start() + s.count();
        String after = Trytes.fromTrits(MerkleTree.of(seed, start + s.count(), s.count(), s.security()).root());
        return new ChannelState(s.seed(), s.mode(), s.sideKey(), s.security(), start, s.count(), 0, s.nextRoot(), after);
    }

    @Override
    public String toString() {
        return "MamChannel[" + state + "]";
    }
}
