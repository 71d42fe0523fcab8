package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.Trytes;

/** A created MAM message: the tree root it is signed under, where it goes, its payload, what follows. */
public record MamMessage(String root, String address, String payload, String nextRoot) {

    public MamMessage {
        Trytes.requireTrytes("root", root, 81);
        Trytes.requireTrytes("address", address, 81);
        Trytes.requireTrytes("payload", payload);
        Trytes.requireTrytes("next root", nextRoot, 81);
    }
}
