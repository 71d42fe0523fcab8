package org.iotahome.device.publish;

/** An outbox entry the Tangle accepted, and the channel root it went to. */
public record Published(long sequence, String root) {
}
