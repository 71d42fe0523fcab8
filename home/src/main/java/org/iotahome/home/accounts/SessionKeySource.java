package org.iotahome.home.accounts;

import org.iotahome.web.SessionKeyFileSource;

/** My Home's session key in {@code <data dir>/session.key} (registered in META-INF/services). */
public final class SessionKeySource extends SessionKeyFileSource {

    public SessionKeySource() {
        super("home.data-dir", "data/home");
    }
}
