package org.iotahome.protocol.mam;

import java.io.IOException;

/**
 * Where a created message leaves the process (the Tangle client attaches it). Sending the same
 * payload to the same address again must be harmless: after a crash it may be repeated.
 */
@FunctionalInterface
public interface MessageSink {

    void send(String address, String payload) throws IOException;
}
