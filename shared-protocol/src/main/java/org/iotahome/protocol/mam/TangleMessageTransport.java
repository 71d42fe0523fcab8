package org.iotahome.protocol.mam;

import io.smallrye.mutiny.TimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.iotahome.protocol.tangle.BundleValidator;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.TangleException;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.trinary.Trytes;

/**
 * MAM payloads on a {@link Tangle}, as {@code @iota/mam}'s attach and fetch put them: a payload is
 * a zero-value bundle at the message's address, cut into 2187-tryte fragments (the last padded
 * with '9', which decoders ignore). Reading keeps every structurally valid bundle at an address,
 * one per message identity, in attachment order; the MAM signature decides which one counts
 * ({@link BundleValidator#signedPayload}: no transaction or bundle hash is recomputed).
 *
 * <p>Blocking, like the ports it implements: call it from a worker thread.
 */
public final class TangleMessageTransport implements MessageSink, MessageSource {

    private final Tangle tangle;
    private final String tag;
    private final LongSupplier clockMillis;
    private final BundleValidator validator;
    private final Duration timeout;

    public TangleMessageTransport(Tangle tangle, String tag, LongSupplier clockMillis, Duration timeout) {
        this.tangle = tangle;
        this.tag = Trytes.requireTrytes("tag", tag);
        this.clockMillis = clockMillis;
        this.validator = BundleValidator.signedPayload();
        this.timeout = timeout;
    }

    @Override
    public void send(String address, String payload) throws IOException {
        List<String> fragments = new ArrayList<>();
        for (int from = 0; from < payload.length(); from += Transaction.FRAGMENT_TRYTES)
            fragments.add(Trytes.padRight(payload.substring(from, Math.min(payload.length(), from + Transaction.FRAGMENT_TRYTES)),
                    Transaction.FRAGMENT_TRYTES));
        List<Transaction> bundle = MessageBundle.fromFragments(address, tag, fragments, clockMillis.getAsLong() / 1000);
        try {
            tangle.attach(bundle).await().atMost(timeout);
        } catch (TangleException | TimeoutException e) {
            throw new IOException("cannot attach the MAM message at " + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> payloadsAt(String address) throws IOException {
        List<List<Transaction>> instances;
        try {
            instances = tangle.bundlesSince(address, TangleCursor.START).await().atMost(timeout);
        } catch (TangleException | TimeoutException e) {
            throw new IOException("cannot read the MAM messages at " + address + ": " + e.getMessage(), e);
        }
        // One payload per message identity (bundle hash and fragments, MessageIdentity's rule), compared whole: equal
        // strings are the same identity, without a Curl-P-81 pass over every fragment to name it.
        Set<String> seen = new HashSet<>();
        List<String> payloads = new ArrayList<>();
        for (List<Transaction> bundle : instances) {
            if (validator.problem(bundle) != null) continue;
            StringBuilder payload = new StringBuilder(bundle.size() * Transaction.FRAGMENT_TRYTES);
            for (Transaction tx : bundle) payload.append(tx.signatureMessageFragment());
            if (seen.add(bundle.get(0).bundle() + payload)) payloads.add(payload.toString());
        }
        return payloads;
    }
}
