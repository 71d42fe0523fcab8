package org.iotahome.provider.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.iotahome.provider.ProviderConfig;
import org.jboss.logging.Logger;

/** The staff login from the settings. */
@ApplicationScoped
public class StaffBeans {

    private static final Logger LOG = Logger.getLogger(StaffBeans.class);

    @Produces
    @Singleton
    StaffPassword staffPassword(ProviderConfig config) throws IOException {
        Path dir = Path.of(config.dataDir());
        Files.createDirectories(dir);
        StaffPassword staff = StaffPassword.load(config.web().staffUser(), config.web().staffPassword(), dir, new SecureRandom());
        if (config.web().staffPassword().filter(p -> !p.isBlank()).isEmpty())
            LOG.infof("dashboard login: user %s, password in %s", staff.user(), dir.resolve(StaffPassword.FILE).toAbsolutePath());
        return staff;
    }
}
