package org.iotahome.node;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The node's settings (README.md): {@code tangle.*}, with the environment names of ARCHITECTURE.md. */
@ConfigMapping(prefix = "tangle")
public interface NodeConfig {

    /** The HTTP port; {@code quarkus.http.port} follows it. */
    @WithDefault("14265")
    int port();

    /** Where the transaction store lives. */
    Path dataDir();

    /** The least proof-of-work weight a stored transaction needs (IOTA_MIN_WEIGHT_MAGNITUDE). */
    int minWeightMagnitude();

    /** A findTransactions matching more is refused, as IRI's maxFindTransactions. */
    @WithDefault("100000")
    int maxFindResults();

    Pow pow();

    interface Pow {
        /** Bundles attached at once; each search already uses every core. */
        @WithDefault("1")
        int workers();

        /** attachToTangle requests that may wait; one more is answered 503. */
        @WithDefault("16")
        int queue();
    }
}
