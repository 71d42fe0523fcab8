package org.iotahome.protocol.tangle;

import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.trinary.Trytes;

/**
 * What a node checks before it stores a transaction (PROTOCOL.md §2): the 2673-tryte wire form,
 * and a Curl-P-81 hash that ends in at least the node's minimum weight magnitude of zero trits.
 * Bad input is data: the answer is {@link Accepted} or {@link Refused} with the reason.
 */
public final class TransactionCheck {

    private final int minWeightMagnitude;

    public TransactionCheck(int minWeightMagnitude) {
        if (minWeightMagnitude < 0 || minWeightMagnitude > 243)
            throw new IllegalArgumentException("minWeightMagnitude must be 0..243, was " + minWeightMagnitude);
        this.minWeightMagnitude = minWeightMagnitude;
    }

    public int minWeightMagnitude() {
        return minWeightMagnitude;
    }

    public sealed interface Checked permits Accepted, Refused {}

    /** A transaction fit to store, with its hash and wire form. */
    public record Accepted(Transaction transaction, String hash, String trytes) implements Checked {}

    public record Refused(String reason) implements Checked {}

    public Checked check(String trytes) {
        if (trytes == null) return new Refused("a transaction is missing (null)");
        if (trytes.length() != Transaction.TRYTES)
            return new Refused("a transaction is " + Transaction.TRYTES + " trytes, got " + trytes.length());
        if (!Trytes.isTrytes(trytes)) return new Refused("a transaction must be trytes (9A-Z)");
        Transaction tx;
        try {
            tx = Transaction.fromTrytes(trytes);
        } catch (IllegalArgumentException e) {
            return new Refused("invalid transaction: " + e.getMessage());
        }
        byte[] hash = Curl.hash81(Trytes.toTrits(trytes));
        int weight = ProofOfWork.weight(hash);
        if (weight < minWeightMagnitude)
            return new Refused("transaction proof of work has weight " + weight + ", the node needs " + minWeightMagnitude);
        return new Accepted(tx, Trytes.fromTrits(hash), trytes);
    }
}
