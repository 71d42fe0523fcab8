package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Direct messages on the wire (PROTOCOL.md §3): JSON as ASCII trytes cut into 2187-tryte
 * signatureMessageFragments, and back with iota.lib.js's {@code extractJson} rule: the text starts
 * with {@code OD} ('{') and ends at the first {@code 99} pair after a {@code QD} ('}').
 */
public final class JsonFragments {

    private static final int FRAGMENT = Transaction.FRAGMENT_TRYTES;

    private JsonFragments() {
    }

    /** The fragments for {@code json} (an object, ASCII only), right-padded with '9'. */
    public static List<String> split(String json) {
        if (!json.startsWith("{") || !json.endsWith("}"))
            throw new IllegalArgumentException("a direct message is one JSON object, from '{' to '}'");
        for (int i = 0; i < json.length(); i++)
            if (json.charAt(i) > 127)
                throw new IllegalArgumentException("a direct message is ASCII only (escape others as \\u and four hex digits); char " + i + " is not");
        String trytes = AsciiTrytes.toTrytes(json);
        List<String> fragments = new ArrayList<>();
        for (int from = 0; from < trytes.length(); from += FRAGMENT)
            fragments.add(Trytes.padRight(trytes.substring(from, Math.min(trytes.length(), from + FRAGMENT)), FRAGMENT));
        // A message that fills its last fragment exactly has no 99 pair to end it: add one.
        if (trytes.length() % FRAGMENT == 0) fragments.add("9".repeat(FRAGMENT));
        return List.copyOf(fragments);
    }

    /**
     * The JSON text of a bundle's fragments in index order. Throws {@link MalformedMessageException}
     * when they hold no message: no opening brace, a pair that is no char code, or no end.
     */
    public static String extract(List<String> fragments) {
        StringBuilder all = new StringBuilder(fragments.size() * FRAGMENT);
        for (String f : fragments) all.append(f);
        if (all.length() < 2 || all.charAt(0) != 'O' || all.charAt(1) != 'D')
            throw new MalformedMessageException("the message does not start with '{' (OD)");
        StringBuilder json = new StringBuilder();
        boolean closed = false;
        for (int i = 0; i + 1 < all.length(); i += 2) {
            char a = all.charAt(i), b = all.charAt(i + 1);
            if (closed && a == '9' && b == '9') return json.toString();
            int code = Trytes.ALPHABET.indexOf(a) + 27 * Trytes.ALPHABET.indexOf(b);
            if (code > 255) throw new MalformedMessageException("tryte pair " + a + b + " at " + i + " is no character");
            json.append((char) code);
            if (a == 'Q' && b == 'D') closed = true;
        }
        throw new MalformedMessageException(closed
                ? "the message has no end: no '99' after its last '}' (truncated bundle?)"
                : "the message has no closing '}' (truncated bundle?)");
    }
}
