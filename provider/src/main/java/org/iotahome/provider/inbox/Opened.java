package org.iotahome.provider.inbox;

/** What a message at the mailbox came to: a grant, or skipped with the reason (bad input is data). */
public sealed interface Opened permits Opened.Granted, Opened.Skipped {

    record Granted(Grant grant) implements Opened {}

    record Skipped(String bundleHash, String reason) implements Opened {}
}
