package org.iotahome.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of Quarkus's form login ({@code /j_security_check}), which quarkus-rest-csrf does not
 * cover: a post from another site (login CSRF: signing a person into someone else's account) is
 * refused by its Origin, and failed logins are rate-limited per client address. A failure is the
 * form login's redirect to its error page; a throttled client is sent to {@code /login?throttled=true}.
 */
public final class LoginGuard implements Handler<RoutingContext> {

    private final LoginThrottle throttle;
    private final String crossSiteRefusal;

    /** {@code crossSiteRefusal}: what a cross-site post is told, e.g. "sign in from My Home's own page". */
    public LoginGuard(LoginThrottle throttle, String crossSiteRefusal) {
        this.throttle = throttle;
        this.crossSiteRefusal = crossSiteRefusal;
    }

    @Override
    public void handle(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        String host = rc.request().getHeader("Host");
        if (origin != null && (host == null || !origin.replaceFirst("^https?://", "").equals(host))) {
            rc.response().setStatusCode(403).end(crossSiteRefusal);
            return;
        }
        String client = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        if (!throttle.allowed(client)) {
            rc.response().setStatusCode(302).putHeader("Location", "/login?throttled=true").end();
            return;
        }
        rc.addHeadersEndHandler(v -> {
            String location = rc.response().headers().get("Location");
            if (location != null && location.contains("/login?error")) throttle.failed(client);
            else if (rc.response().getStatusCode() == 302) throttle.succeeded(client);
        });
        rc.next();
    }
}
