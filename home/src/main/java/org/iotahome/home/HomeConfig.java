package org.iotahome.home;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** My Home's settings (ARCHITECTURE.md, Configuration); environment names in application.properties. */
@ConfigMapping(prefix = "home")
public interface HomeConfig {

    /** IOTAHOME_DATA: the accounts' database, each household's channel states and mailbox cursor, the session and receipt keys. */
    String dataDir();

    /** IOTA_PROVIDER: the node's HTTP API. */
    String iotaProvider();

    /** IOTA_MIN_WEIGHT_MAGNITUDE: what proof of work must reach. */
    int minWeightMagnitude();

    /** How often My Home's mailbox is polled while pairing. */
    Duration mailboxPoll();

    /** How long one pairing attempt waits for the device's proven OK. */
    Duration pairingTimeout();

    /** After a NOK, how long a pairing attempt still waits for a proven OK (anyone can post a NOK). */
    Duration pairingGrace();

    /** Consent receipts (issue 16). */
    Receipts receipts();

    interface Receipts {

        /** HOME_RECEIPT_JURISDICTION: the law the consent is given under, as receipts state it. */
        String jurisdiction();

        /** HOME_RECEIPT_KEY_FILE: the Ed25519 key receipts are signed with, made once (default {@code <data dir>/receipt-signing.key}). */
        java.util.Optional<String> keyFile();
    }
}
