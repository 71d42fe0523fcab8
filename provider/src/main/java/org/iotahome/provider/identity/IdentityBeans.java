package org.iotahome.provider.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.iotahome.provider.ProviderConfig;
import org.jboss.logging.Logger;

/** The provider's identity as a bean, loaded (or created) once; its address is logged at start-up. */
@ApplicationScoped
public class IdentityBeans {

    private static final Logger LOG = Logger.getLogger(IdentityBeans.class);

    @Produces
    @Singleton
    ProviderIdentity identity(ProviderConfig config) throws IOException {
        return new IdentityFiles(Path.of(config.dataDir()), new SecureRandom()).loadOrCreate(config.seed(), config.envelopeKeyFile().map(Path::of));
    }

    void logIdentity(@Observes StartupEvent start, ProviderIdentity identity) {
        LOG.infof("provider address %s, %s publicKeyTrytes %d trytes", identity.address().trytes(), identity.keys().alg(),
                identity.publicKeyTrytes().length());
    }
}
