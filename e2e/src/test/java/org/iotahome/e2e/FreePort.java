package org.iotahome.e2e;

import java.io.IOException;
import java.net.ServerSocket;

/** A TCP port free on this machine now: for a service whose URL must be known before it starts, and kept across its restarts. */
final class FreePort {

    private FreePort() {
    }

    static int pick() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
