package org.iotahome.home.pairing;

/** How far a pairing attempt has come (PROTOCOL.md §3): what a progress page shows, in order. */
public enum PairingStep {
    CLAIM_SENT, CHALLENGE_RECEIVED, ANSWER_SENT, RESULT_RECEIVED
}
