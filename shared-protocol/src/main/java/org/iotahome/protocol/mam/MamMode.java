package org.iotahome.protocol.mam;

import java.util.Locale;
import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Who can find and read a channel (PROTOCOL.md §5). Public: the message sits at its root, readable
 * by anyone with the root. Private: at Curl-P-81(root), so the root is the read key. Restricted:
 * at Curl-P-81(root) and masked under a side key as well.
 */
public enum MamMode {
    PUBLIC, PRIVATE, RESTRICTED;

    /** The Tangle address a message of the tree with {@code root} is attached to. */
    public String address(String root) {
        Trytes.requireTrytes("root", root, 81);
        return this == PUBLIC ? root : Trytes.fromTrits(Curl.hash81(Trytes.toTrits(root)));
    }

    public static MamMode parse(String name) {
        for (MamMode m : values()) if (m.name().equalsIgnoreCase(name)) return m;
        throw new IllegalArgumentException("mode must be public, private or restricted, was '" + name + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
