package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.iotahome.home.household.Household;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.tangle.Address;

/** The devices page and its revoke and delete buttons: plain forms, POST then redirect back. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    Template index;

    @Inject
    Household household;

    @GET
    public TemplateInstance devices() throws IOException {
        return index.data("devices", Views.of(household.state()));
    }

    @POST
    @Path("policies/revoke")
    public Response revoke(@FormParam("device") String device, @FormParam("index") int index) throws IOException {
        PairedDevice paired = address(device) == null ? null : household.state().device(address(device)).orElse(null);
        if (paired == null || index < 0 || index >= paired.policies().size())
            return Response.status(Response.Status.NOT_FOUND).entity("no such policy: it may have been revoked already").build();
        List<Policy> policies = paired.policies();
        household.revoke(policies.get(index));
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("devices/delete")
    public Response delete(@FormParam("device") String device) throws IOException {
        if (address(device) == null) return Response.status(Response.Status.BAD_REQUEST).entity("device: not an address").build();
        household.delete(address(device));
        return Response.seeOther(URI.create("/")).build();
    }

    private static Address address(String text) {
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
