package org.iotahome.device.health;

/**
 * The device's long-running streams, each reported on its own in health and on the status page.
 * The serial port reports through its own stats ({@code SerialStats}): open, or why not.
 */
public enum DeviceStream {
    READINGS("readings"),
    OUTBOX_DRAIN("outbox-drain"),
    PAIRING_INBOX("pairing-inbox"),
    CONSENT_FOLLOWER("consent-follower");

    private final String label;

    DeviceStream(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
