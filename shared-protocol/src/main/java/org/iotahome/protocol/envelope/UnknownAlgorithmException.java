package org.iotahome.protocol.envelope;

/** An {@code alg} that names no KEM this build accepts. */
public final class UnknownAlgorithmException extends EnvelopeException {
    public UnknownAlgorithmException(String alg) {
        super("unknown envelope algorithm '" + alg + "', expected one of " + KemAlgorithm.names());
    }
}
