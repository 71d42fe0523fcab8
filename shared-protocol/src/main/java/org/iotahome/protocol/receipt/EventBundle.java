package org.iotahome.protocol.receipt;

import io.smallrye.mutiny.TimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.mam.DecodedMessage;
import org.iotahome.protocol.mam.MamDecoder;
import org.iotahome.protocol.mam.MamException;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.TangleException;
import org.iotahome.protocol.tangle.Transaction;

/**
 * The bundle that carries a restricted channel's message at a root: among the bundles at the
 * root's address (anyone may attach junk there, even under a copied bundle hash, which covers no
 * fragment), the one whose payload is a message signed for that root. The MAM signature is what
 * ties the event to the channel; the bundle hash names where it sits.
 */
public final class EventBundle {

    /** A bundle and the message it carries. */
    public record Found(String bundleHash, DecodedMessage message) {}

    private EventBundle() {
    }

    /** The first bundle at {@code root} (of {@code bundleHash}, when given) whose payload opens under {@code key}. */
    public static Optional<Found> at(Tangle tangle, String root, SideKey key, Optional<String> bundleHash, Duration timeout)
            throws IOException {
        List<List<Transaction>> bundles;
        try {
            bundles = tangle.bundlesSince(MamMode.RESTRICTED.address(root), TangleCursor.START).await().atMost(timeout);
        } catch (TangleException | TimeoutException e) {
            throw new IOException("cannot read the Tangle at " + root + ": " + e.getMessage(), e);
        }
        for (List<Transaction> bundle : bundles) {
            String hash = bundle.get(0).bundle();
            if (bundleHash.isPresent() && !bundleHash.get().equals(hash)) continue;
            StringBuilder payload = new StringBuilder(bundle.size() * Transaction.FRAGMENT_TRYTES);
            for (Transaction tx : bundle) payload.append(tx.signatureMessageFragment());
            try {
                return Optional.of(new Found(hash, MamDecoder.decode(payload.toString(), root, key.effectiveFor(MamMode.RESTRICTED))));
            } catch (MamException | RuntimeException e) {
                // junk, or another key's: look on
            }
        }
        return Optional.empty();
    }
}
