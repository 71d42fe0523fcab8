package org.iotahome.protocol.p1;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keys of an encrypted P1 port (Luxembourg Smarty, some Austrian meters): the AES-128
 * decryption key (the meter operator's "GUEK") and, where the operator uses one, the
 * authentication key ("GAK") that goes into the GCM additional data. Both are 16 bytes.
 */
public final class P1Keys {

    private final byte[] decryptionKey;
    private final byte[] authenticationKey;

    private P1Keys(byte[] decryptionKey, byte[] authenticationKey) {
        this.decryptionKey = decryptionKey;
        this.authenticationKey = authenticationKey;
    }

    /**
     * @param decryptionHex     32 hex digits
     * @param authenticationHex 32 hex digits, or null/empty when the operator sends none (then the
     *                          additional data is the security byte alone)
     */
    public static P1Keys ofHex(String decryptionHex, String authenticationHex) {
        byte[] key = sixteen("decryption key", decryptionHex);
        byte[] auth = authenticationHex == null || authenticationHex.isBlank() ? new byte[0]
                : sixteen("authentication key", authenticationHex);
        return new P1Keys(key, auth);
    }

    /** From {@code P1_DECRYPTION_KEY} and {@code P1_AUTHENTICATION_KEY}; null when no decryption key is set. */
    public static P1Keys fromEnvironment(java.util.Map<String, String> env) {
        String key = env.get("P1_DECRYPTION_KEY");
        if (key == null || key.isBlank()) return null;
        return ofHex(key, env.get("P1_AUTHENTICATION_KEY"));
    }

    private static byte[] sixteen(String name, String hex) {
        String h = hex == null ? "" : hex.trim();
        if (h.length() != 32 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0))
            throw new IllegalArgumentException("the P1 " + name + " is 32 hex digits (AES-128), got "
                    + h.length() + " characters");
        return HexFormat.of().parseHex(h);
    }

    byte[] decryptionKey() {
        return decryptionKey.clone();
    }

    byte[] authenticationKey() {
        return authenticationKey.clone();
    }

    @Override
    public String toString() {
        return "P1Keys[decryption key set, authentication key " + (authenticationKey.length > 0 ? "set" : "none") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof P1Keys k && Arrays.equals(decryptionKey, k.decryptionKey)
                && Arrays.equals(authenticationKey, k.authenticationKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(decryptionKey);
    }
}
