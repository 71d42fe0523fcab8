package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.iotahome.home.accounts.SignUp;

/** Sign-up, sign-in and sign-out: the only pages open without a session (with the static files and /new-policy's hand-off). */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    /** Quarkus form authentication's session cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    Template login;

    @Inject
    Template signup;

    @Inject
    SignUp accounts;

    @GET
    @Path("login")
    public TemplateInstance loginPage(@QueryParam("error") boolean error, @QueryParam("throttled") boolean throttled,
            @QueryParam("created") boolean created) {
        return login.data("error", error).data("throttled", throttled).data("created", created).data("user", null);
    }

    @GET
    @Path("signup")
    public TemplateInstance signupPage() {
        return signup.data("problems", List.of()).data("username", "").data("user", null);
    }

    @POST
    @Path("signup")
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("repeated") String repeated) {
        String name = username == null ? null : username.trim().toLowerCase();
        List<String> problems = accounts.problems(name, password, repeated);
        if (!problems.isEmpty())
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(signup.data("problems", problems).data("username", name == null ? "" : name).data("user", null)).build();
        accounts.create(name, password);
        return Response.seeOther(URI.create("/login?created=true")).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build()).build();
    }
}
