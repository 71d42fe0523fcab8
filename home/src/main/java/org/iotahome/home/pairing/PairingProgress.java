package org.iotahome.home.pairing;

/** Told each step a pairing attempt reaches; called on the pairing's own thread, so it must not block. */
@FunctionalInterface
public interface PairingProgress {

    PairingProgress NONE = step -> { };

    void reached(PairingStep step);
}
