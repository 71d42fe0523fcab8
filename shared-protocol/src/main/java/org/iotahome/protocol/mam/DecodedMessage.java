package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.Trytes;

/** A verified MAM message: its trytes, the root its channel goes on at, where it sat in its tree. */
public record DecodedMessage(String message, String nextRoot, long index, int security) {

    public DecodedMessage {
        Trytes.requireTrytes("message", message);
        Trytes.requireTrytes("next root", nextRoot, 81);
    }
}
