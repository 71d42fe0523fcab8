package org.iotahome.provider.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.iotahome.provider.ProviderConfig;

/** The staff's sign-in page and sign-out (Quarkus form login does the checking: staff/StaffIdentityProvider). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    /** Quarkus form login's session cookie. */
    static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    ProviderConfig config;

    @Inject
    @Location("login.html")
    Template login;

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("throttled") boolean throttled) {
        return login.data("name", config.web().name()).data("error", error).data("throttled", throttled);
    }

    @POST
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build()).build();
    }
}
