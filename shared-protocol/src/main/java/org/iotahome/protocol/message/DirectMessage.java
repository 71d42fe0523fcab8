package org.iotahome.protocol.message;

/** A message sent from one address to another as a zero-value transfer (PROTOCOL.md §3). */
public sealed interface DirectMessage permits ClaimDevice, ChallengeMessage, AnswerChallenge, ClaimResult, MamData {

    /** The {@code type} on the wire. */
    String type();
}
