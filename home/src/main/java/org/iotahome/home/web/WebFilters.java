package org.iotahome.home.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iotahome.home.accounts.LoginThrottle;

/** What every response carries, and the login throttle, in front of every route. */
@ApplicationScoped
public class WebFilters {

    /** Pages load only their own styles and images; nothing may frame them (clickjacking). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Inject
    LoginThrottle throttle;

    /** Before Quarkus's own handlers (authentication included): the headers go on every response, redirects and errors too. */
    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::securityHeaders);
        router.route("/j_security_check").order(-999).handler(this::loginThrottle);
    }

    void securityHeaders(RoutingContext rc) {
        rc.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin");
        rc.next();
    }

    /**
     * The login form is Quarkus's own endpoint, outside quarkus-rest-csrf: a post from another site
     * (login CSRF, signing a person into someone else's account) is refused by its Origin. Failed
     * logins are rate-limited per client address; a failure is the form login's redirect to its error page.
     */
    void loginThrottle(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        String host = rc.request().getHeader("Host");
        if (origin != null && (host == null || !origin.replaceFirst("^https?://", "").equals(host))) {
            rc.response().setStatusCode(403).end("sign in from My Home's own page");
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
