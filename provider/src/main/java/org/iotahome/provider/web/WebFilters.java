package org.iotahome.provider.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** What every response carries, and the login form's origin check, in front of every route. */
@ApplicationScoped
public class WebFilters {

    /** Pages load only their own scripts, styles and images; nothing may frame them (clickjacking). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::securityHeaders);
        router.route("/j_security_check").order(-999).handler(this::sameOriginLogin);
    }

    void securityHeaders(RoutingContext rc) {
        rc.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin");
        rc.next();
    }

    /** The login form is Quarkus's own endpoint, outside quarkus-rest-csrf: a post from another site is refused by its Origin. */
    void sameOriginLogin(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        String host = rc.request().getHeader("Host");
        if (origin != null && (host == null || !origin.replaceFirst("^https?://", "").equals(host))) {
            rc.response().setStatusCode(403).end("sign in from the dashboard's own page");
            return;
        }
        rc.next();
    }
}
