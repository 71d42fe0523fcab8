package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.event.Policy;

/**
 * The devices page, revoking a policy and deleting a device (seed scenarios "Revoking consent",
 * "Deleting a device"): named by the device's address and the policy's stable id, within the
 * signed-in household only; anything else is not found.
 */
@Path("/")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DevicePages {

    @Inject
    Template devices;

    @Inject
    Template confirmDelete;

    @Inject
    CurrentHome home;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance list() throws IOException {
        return devices.data("devices", Views.of(home.get().household().state(), clock.instant())).data("user", home.username());
    }

    @POST
    @Path("devices/{address}/policies/{policy}/revoke")
    public Response revoke(@PathParam("address") String address, @PathParam("policy") String policyId) throws IOException {
        PairedDevice device = home.device(address);
        Policy policy = device.policies().stream().filter(p -> Views.policyId(p).equals(policyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no such policy on this device: it may have been revoked already"));
        home.get().household().revoke(policy);
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("devices/{address}/delete")
    public TemplateInstance confirm(@PathParam("address") String address) throws IOException {
        return confirmDelete.data("address", home.device(address).device().iotaAddress().trytes()).data("user", home.username());
    }

    @POST
    @Path("devices/{address}/delete")
    public Response delete(@PathParam("address") String address) throws IOException {
        home.get().household().delete(home.device(address).device().iotaAddress());
        return Response.seeOther(URI.create("/")).build();
    }
}
