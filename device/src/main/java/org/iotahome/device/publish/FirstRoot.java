package org.iotahome.device.publish;

import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.trinary.Trytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The device channel's first root, where a reader of the whole channel starts. It is leaf 0's
 * address, which depends on the security the channel started with; the channel may have moved to
 * another security since (PUBLISH_SECURITY), so the root is kept in a file beside the channel state
 * rather than recomputed from today's setting.
 */
public record FirstRoot(String root) {

    /** Every channel made before the security became a setting started at 2, the constant they used. */
    static final int EARLIER_SECURITY = 2;

    public FirstRoot {
        Trytes.requireTrytes("first root", root, 81);
    }

    /**
     * Reads {@code file}; when the channel is still to be made ({@code channelExists} false) records
     * its first root at {@code security}, first, so no channel exists without its file; when an earlier
     * version made the channel, records its root at {@link #EARLIER_SECURITY}.
     */
    static FirstRoot loadOrRecord(Path file, boolean channelExists, int security, IntFunction<String> rootAtSecurity)
            throws IOException {
        if (channelExists && Files.exists(file))
            return new FirstRoot(Files.readString(file, StandardCharsets.US_ASCII).trim());
        FirstRoot first = new FirstRoot(rootAtSecurity.apply(channelExists ? EARLIER_SECURITY : security));
        AtomicFile.write(file, first.root().getBytes(StandardCharsets.US_ASCII), false);
        return first;
    }
}
