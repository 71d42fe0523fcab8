package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.iotahome.home.household.Household;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.tangle.Address;

/** Seed scenario "Giving consent": review a provider's request, pick a device, grant, go back. */
@Path("/new-policy")
@Produces(MediaType.TEXT_HTML)
public class ConsentPages {

    /** The one action the seed's providers ask for: reading the meter's data. */
    static final String ACTION = "read";

    @Inject
    Template newPolicy;

    @Inject
    Template problems;

    @Inject
    Household household;

    @GET
    public Response review(@QueryParam("iotaAddress") String iotaAddress, @QueryParam("publicKeyTrytes") String publicKeyTrytes,
            @QueryParam("goal") String goal, @QueryParam("url") String url) throws IOException {
        ConsentRequest request = ConsentRequest.of(iotaAddress, publicKeyTrytes, goal, url);
        if (request instanceof ConsentRequest.Invalid invalid) return badRequest(invalid);
        ConsentRequest.Valid valid = (ConsentRequest.Valid) request;
        TemplateInstance page = newPolicy.data("provider", valid.provider().url().toString())
                .data("iotaAddress", valid.provider().iotaAddress().trytes())
                .data("publicKeyTrytes", valid.provider().publicKey().toTrytes())
                .data("goal", valid.goal()).data("url", valid.provider().url().toString())
                .data("devices", Views.of(household.state()));
        return Response.ok(page).build();
    }

    @POST
    public Response grant(@FormParam("iotaAddress") String iotaAddress, @FormParam("publicKeyTrytes") String publicKeyTrytes,
            @FormParam("goal") String goal, @FormParam("url") String url, @FormParam("device") String device) throws IOException {
        ConsentRequest request = ConsentRequest.of(iotaAddress, publicKeyTrytes, goal, url);
        if (request instanceof ConsentRequest.Invalid invalid) return badRequest(invalid);
        ConsentRequest.Valid valid = (ConsentRequest.Valid) request;
        Address chosen;
        try {
            chosen = Address.parse(device);
        } catch (IllegalArgumentException e) {
            return badRequest(new ConsentRequest.Invalid(List.of("device: choose one of your devices (" + e.getMessage() + ")")));
        }
        var paired = household.state().device(chosen);
        if (paired.isEmpty())
            return badRequest(new ConsentRequest.Invalid(List.of("device: " + chosen.trytes() + " is not one of your devices")));
        household.grant(new Policy(valid.provider(), ACTION, paired.get().device(), valid.goal(), List.of()));
        return Response.seeOther(valid.provider().url()).build();
    }

    private Response badRequest(ConsentRequest.Invalid invalid) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                .entity(problems.data("problems", invalid.problems()).render()).build();
    }
}
