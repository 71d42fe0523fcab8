package org.iotahome.provider.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.iotahome.provider.ProviderConfig;
import org.iotahome.web.LoginThrottle;
import org.jboss.logging.Logger;

/** The staff login from the settings, and its throttle. */
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

    /** Five failed logins from one address in the window (15 minutes), then wait: a guessed staff password opens every household's data. */
    @Produces
    @Singleton
    LoginThrottle loginThrottle(ProviderConfig config) {
        return new LoginThrottle(5, config.web().loginThrottleWindow(), 100_000, Clock.systemUTC());
    }
}
