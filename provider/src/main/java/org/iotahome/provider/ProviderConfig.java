package org.iotahome.provider;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The provider's settings (ARCHITECTURE.md, Configuration); environment names in application.properties. */
@ConfigMapping(prefix = "provider")
public interface ProviderConfig {

    /** IOTAHOME_DATA: seed, key pair, mailbox cursor, and the H2 database (grants, positions, readings) unless PostgreSQL is configured. */
    String dataDir();

    /** SEED: the provider's seed; when empty one is generated once and kept in the data directory. */
    Optional<String> seed();

    /**
     * PROVIDER_ENVELOPE_KEY_FILE: an {@code envelope.key} made elsewhere (a mounted Secret, so that
     * every replica is the same provider), read and never written; when empty the data directory's,
     * generated once.
     */
    Optional<String> envelopeKeyFile();

    /** IOTA_PROVIDER: the node's HTTP API. */
    String iotaProvider();

    /** IOTA_MIN_WEIGHT_MAGNITUDE: what the node's proof of work must reach. */
    int minWeightMagnitude();

    /** How often the mailbox is polled for MAM_DATA. */
    Duration inboxPoll();

    /** How often a device channel's head is polled for new events. */
    Duration readingsPoll();

    /**
     * PROVIDER_FOLLOWED_MAX: grants this instance follows at once at most; more wait, unread, until a
     * followed one ends. A bound on the followers' memory and on the node reads they make (two channels
     * polled per grant each readings-poll), not on how many grants are kept.
     */
    int followedMax();

    /** Unconfirmed grants (a MAM_DATA whose consent channel has not yet confirmed it) kept at most. */
    int pendingMax();

    /** An unconfirmed grant is forgotten after this long. */
    Duration pendingExpiry();

    /** Backoff bounds while the node cannot be reached. */
    Duration retryMin();

    Duration retryMax();

    /** The consent request and the pages: who we are and where My Home is. */
    Web web();

    interface Web {
        /** PROVIDER_NAME: the service's name on its pages and in the consent request's goal. */
        String name();

        /** PROVIDER_GOAL: why the household's data is asked for, shown by My Home. */
        String goal();

        /** MY_HOME_URL: where "Connect your smart meter" sends the household. */
        String myHomeUrl();

        /** PROVIDER_PUBLIC_URL: this service as the household's browser reaches it; My Home sends the household back here. */
        String publicUrl();

        /** PROVIDER_STAFF_USER: the dashboard's login name. */
        String staffUser();

        /** PROVIDER_STAFF_PASSWORD: the dashboard's password; when empty one is generated once into {@code staff-password} in the data directory. */
        Optional<String> staffPassword();

        /** Failed staff logins from one address within this window refuse the next ones (5 allowed). */
        @io.smallrye.config.WithDefault("15m")
        Duration loginThrottleWindow();
    }
}
