package org.iotahome.home.household;

/** A household change cannot be made; the message says which device or channel and why. */
public final class HouseholdException extends RuntimeException {

    public HouseholdException(String message) {
        super(message);
    }
}
