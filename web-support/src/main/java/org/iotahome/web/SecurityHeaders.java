package org.iotahome.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** What every response of a web front carries: its content policy, no framing (clickjacking), no sniffing, same-origin referrers. */
public final class SecurityHeaders implements Handler<RoutingContext> {

    private final String contentSecurityPolicy;

    public SecurityHeaders(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    public void handle(RoutingContext rc) {
        rc.response().headers()
                .set("Content-Security-Policy", contentSecurityPolicy)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin");
        rc.next();
    }
}
