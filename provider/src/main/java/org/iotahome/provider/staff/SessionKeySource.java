package org.iotahome.provider.staff;

import org.iotahome.web.SessionKeyFileSource;

/** The staff's session key in {@code <data dir>/session.key} (registered in META-INF/services). */
public final class SessionKeySource extends SessionKeyFileSource {

    public SessionKeySource() {
        super("provider.data-dir", "data/provider");
    }
}
