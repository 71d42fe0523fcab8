package org.iotahome.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;

/** The node the provider reads from (IOTA_PROVIDER); tests replace it with an in-memory Tangle. */
@ApplicationScoped
public class TangleBeans {

    /** The provider only reads; the depth would matter for what it attached, which is nothing. */
    private static final int DEPTH = 3;

    @Produces
    @Singleton
    IriClient node(ProviderConfig config) {
        return IriClient.of(config.iotaProvider());
    }

    @Produces
    @Singleton
    Tangle tangle(ProviderConfig config, IriClient node) {
        return IriTangle.remotePow(node, config.minWeightMagnitude(), DEPTH);
    }
}
