package org.iotahome.protocol.mam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks a channel root → next root (PROTOCOL.md §5) and returns its messages in order, stopping at
 * the first address without a readable message. Anyone can attach anything at an address, so at
 * each root every payload is checked: invalid ones, repeats and latecomers for a leaf already read
 * are skipped and reported; if none verifies, the walk stops there.
 */
public final class ChannelReader {

    /** A bound on one walk, so a source that never ends cannot hold the reader. */
    public static final int DEFAULT_LIMIT = 10_000;

    private final MessageSource source;

    public ChannelReader(MessageSource source) {
        this.source = source;
    }

    public ReadResult read(String root, MamMode mode, SideKey sideKey) throws IOException {
        return read(root, mode, sideKey, DEFAULT_LIMIT);
    }

    /** At most {@code limit} roots are visited. */
    public ReadResult read(String root, MamMode mode, SideKey sideKey, int limit) throws IOException {
        SideKey key = sideKey.effectiveFor(mode);
        List<ReadResult.ReadMessage> messages = new ArrayList<>();
        List<ReadResult.Skipped> skipped = new ArrayList<>();
        for (int visited = 0; visited < limit; visited++) {
            String address = mode.address(root);
            List<String> payloads = source.payloadsAt(address);
            Map<Long, ReadResult.ReadMessage> atRoot = readRoot(root, address, payloads, key, skipped);
            if (atRoot.isEmpty()) break;
            List<ReadResult.ReadMessage> ordered = new ArrayList<>(atRoot.values());
            ordered.sort(Comparator.comparingLong(ReadResult.ReadMessage::index));
            messages.addAll(ordered);
            root = ordered.get(0).nextRoot();
        }
        return new ReadResult(messages, root, skipped);
    }

    private static Map<Long, ReadResult.ReadMessage> readRoot(String root, String address, List<String> payloads, SideKey key,
                                                              List<ReadResult.Skipped> skipped) {
        Map<Long, ReadResult.ReadMessage> byIndex = new TreeMap<>();
        String nextRoot = null;
        for (int position = 0; position < payloads.size(); position++) {
            DecodedMessage m;
            try {
                m = MamDecoder.decode(payloads.get(position), root, key);
            } catch (MamException e) {
                skipped.add(new ReadResult.Skipped(root, address, position, ReadResult.Reason.INVALID,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            ReadResult.ReadMessage read = new ReadResult.ReadMessage(root, m.index(), m.message(), m.nextRoot());
            ReadResult.ReadMessage first = byIndex.get(m.index());
            if (first != null) {
                boolean same = first.equals(read);
                skipped.add(new ReadResult.Skipped(root, address, position, same ? ReadResult.Reason.DUPLICATE : ReadResult.Reason.CONFLICT,
                        same ? "the message of leaf " + m.index() + " again" : "leaf " + m.index() + " already has another message"));
            } else if (nextRoot != null && !nextRoot.equals(m.nextRoot())) {
                skipped.add(new ReadResult.Skipped(root, address, position, ReadResult.Reason.CONFLICT,
                        "next root " + m.nextRoot() + " differs from " + nextRoot + " read first at this root"));
            } else {
                nextRoot = m.nextRoot();
                byIndex.put(m.index(), read);
            }
        }
        return byIndex;
    }
}
