package org.iotahome.provider.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iotahome.web.LoginGuard;
import org.iotahome.web.LoginThrottle;
import org.iotahome.web.SecurityHeaders;

/** What every response carries, and the staff login form's guard, in front of every route. */
@ApplicationScoped
public class WebFilters {

    /** Pages load only their own scripts, styles and images; nothing may frame them (clickjacking). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Inject
    LoginThrottle throttle;

    /** Before Quarkus's own handlers (authentication included): the headers go on every response, redirects and errors too. */
    void install(@Observes Router router) {
        router.route().order(-1000).handler(new SecurityHeaders(CSP));
        router.route("/j_security_check").order(-999).handler(new LoginGuard(throttle, "sign in from the dashboard's own page"));
    }
}
