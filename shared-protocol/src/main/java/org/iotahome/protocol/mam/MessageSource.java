package org.iotahome.protocol.mam;

import java.io.IOException;
import java.util.List;

/** The payloads attached at a Tangle address, in attachment order (the Tangle client provides it). */
@FunctionalInterface
public interface MessageSource {

    List<String> payloadsAt(String address) throws IOException;
}
