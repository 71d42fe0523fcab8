package org.iotahome.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;

/** The node My Home talks to (IOTA_PROVIDER); tests replace the Tangle with one in memory. */
@ApplicationScoped
public class TangleBeans {

    private static final int DEPTH = 3;
    private static final Duration ATTACH_TIMEOUT = Duration.ofMinutes(2);

    @Produces
    @Singleton
    Tangle tangle(HomeConfig config) {
        return IriTangle.remotePow(IriClient.of(config.iotaProvider()), config.minWeightMagnitude(), DEPTH);
    }

    /** MAM messages of the household and consent channels go through this transport. */
    @Produces
    @Singleton
    TangleMessageTransport transport(Tangle tangle, HomeConfig config) {
        return new TangleMessageTransport(tangle, "IOTAHOME9HOME", System::currentTimeMillis,
                ATTACH_TIMEOUT);
    }
}
