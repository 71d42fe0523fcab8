package org.iotahome.device;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.iotahome.device.publish.PublishMode;
import org.iotahome.protocol.p1.LineSettings;
import org.iotahome.protocol.p1.MeterVersion;
import org.iotahome.protocol.p1.P1Keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The device's settings; environment names as in ARCHITECTURE.md (see application.properties). */
@ConfigMapping(prefix = "device")
public interface DeviceConfig {

    /** P1_SERIAL_PORT: the meter's serial port, a device path or a symlink to one. */
    String serialPort();

    /** SMART_METER_VERSION: chooses the line settings (2.2: 9600 7E1; 4.x, 5.0, fluvius: 115200 8N1). */
    @WithConverter(MeterVersionConverter.class)
    MeterVersion meterVersion();

    Serial serial();

    /**
     * P1_DECRYPTION_KEY: the AES-128 key (32 hex digits) of an encrypted P1 port (Luxembourg Smarty,
     * from the meter's operator); unset for a plain port, where an encrypted frame is then counted as
     * an {@code encrypted} rejection.
     */
    Optional<String> p1DecryptionKey();

    /** P1_AUTHENTICATION_KEY: the GCM authentication key where the operator uses one (Smarty: 0011...EEFF). */
    Optional<String> p1AuthenticationKey();

    /** The encrypted port's keys, or null for a plain port. */
    default P1Keys p1Keys() {
        return p1DecryptionKey().filter(k -> !k.isBlank())
                .map(k -> P1Keys.ofHex(k, p1AuthenticationKey().orElse(null))).orElse(null);
    }

    /** IOTAHOME_DATA: the directory that holds the seed, side key, channel state and outbox. */
    Path dataDir();

    /** SEED: the channel seed (81 trytes); when unset one is generated once and kept in the data dir. */
    Optional<String> seed();

    /** IOTA_PROVIDER: the IRI node the device attaches its messages through (remote proof of work). */
    String iotaProvider();

    /** IOTA_MIN_WEIGHT_MAGNITUDE: the proof of work the node asks for. */
    @WithDefault("9")
    int minWeightMagnitude();

    /** Tip selection depth for getTransactionsToApprove. */
    @WithDefault("3")
    int depth();

    /** Longest wait for one node call; remote proof of work at a high weight takes a while. */
    @WithDefault("2m")
    Duration nodeTimeout();

    Publish publish();

    Pairing pairing();

    Consent consent();

    /** How the paired consent channel is followed (PROTOCOL.md §7). */
    interface Consent {
        /** How often the head of the consent channel (or, unpaired, the pairing) is looked at again. */
        @WithDefault("10s")
        Duration poll();

        /** First wait after the node or the disk failed; doubles per failure up to retry-max. */
        @WithDefault("1s")
        Duration retryMin();

        @WithDefault("1m")
        Duration retryMax();

        /** Tries of a message that fails with a fault other than I/O before it is skipped (logged, in health). */
        @WithDefault("5")
        int attempts();
    }

    /** How the device's address is watched for pairing messages, and how replies are retried. */
    interface Pairing {
        /** How often the node is asked for new bundles at the device address. */
        @WithDefault("5s")
        Duration poll();

        /** A challenge not answered within this time is refused (PROTOCOL.md §4). */
        @WithDefault("5m")
        Duration challengeExpiry();

        /** First wait after the node failed; doubles per failure up to retry-max. */
        @WithDefault("1s")
        Duration retryMin();

        @WithDefault("1m")
        Duration retryMax();

        /**
         * Hashes the cursor of the device address remembers at most (inbox-cursor.json); older ones
         * are covered by its time mark, so spam at the public address cannot grow it.
         */
        @WithDefault("1000")
        int cursorMax();

        /** Hashes before the time mark kept in memory so polls do not fetch them again (beyond: fetched, passed over). */
        @WithDefault("20000")
        int knownMax();

        /** Attempts to send one reply before it is dropped (the claimant claims again). */
        @WithDefault("8")
        int sendAttempts();
    }

    /** PUBLISH_MODE and SAMPLE_KEEP_ONE_IN: what goes on the channel, and how failures are retried. */
    interface Publish {
        @WithDefault("batch")
        PublishMode mode();

        @WithDefault("10")
        int keepOneIn();

        /**
         * PUBLISH_SECURITY: the Winternitz security of the device channel's signatures, 1 to 3 (PROTOCOL.md §5), one
         * transaction each; 1 by default (device/README.md, Transactions per reading). A channel made at another
         * security moves to this one from its next root on.
         */
        @WithDefault("1")
        int security();

        /** Batch mode: one DATA event with every reading since the last, this often. */
        @WithDefault("30s")
        Duration interval();

        /**
         * Batch mode: while earlier events still wait for the Tangle (slow proof of work), the open batch grows
         * instead of closing, up to this long; larger batches cost fewer transactions per reading.
         */
        @WithDefault("5m")
        Duration intervalMax();

        /** How often an empty outbox is looked at again. */
        @WithDefault("1s")
        Duration poll();

        /** First wait after the node or the disk failed; doubles per failure up to retry-max. */
        @WithDefault("1s")
        Duration retryMin();

        @WithDefault("1m")
        Duration retryMax();

        /**
         * The outbox's bound on disk: when full, its oldest readings are dropped (logged and
         * counted). A 30 s batch from a DSMR 5 meter is a few KB, so 64M holds days of a node that is down.
         */
        @WithDefault("64M")
        MemorySize outboxMaxSize();
    }

    /** Overrides of the meter version's line settings, and how to come back when the port goes. */
    interface Serial {
        Optional<Integer> baudRate();

        Optional<Integer> dataBits();

        Optional<LineSettings.Parity> parity();

        Optional<Integer> stopBits();

        /** First wait after the port disappears; doubles on each failed attempt. */
        @WithDefault("1s")
        Duration reconnectMin();

        /** Longest wait between attempts: a replugged cable is picked up within this. */
        @WithDefault("30s")
        Duration reconnectMax();
    }

    /** The meter version's line settings with any override applied. */
    default LineSettings lineSettings() {
        LineSettings base = meterVersion().lineSettings();
        Serial s = serial();
        return new LineSettings(s.baudRate().orElse(base.baudRate()), s.dataBits().orElse(base.dataBits()),
                s.parity().orElse(base.parity()), s.stopBits().orElse(base.stopBits()));
    }
}
