package org.iotahome.provider.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.ProviderConfig;
import org.iotahome.provider.identity.ProviderIdentity;

/**
 * What anyone may open: the landing page with "Connect your smart meter", the hop to My Home's
 * consent request, and the page My Home sends the household back to with its answer.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @Inject
    ProviderConfig config;

    @Inject
    ProviderIdentity identity;

    @Inject
    @Location("landing.html")
    Template landing;

    @Inject
    @Location("connected.html")
    Template connected;

    @GET
    public TemplateInstance landing() {
        return landing.data("name", config.web().name()).data("goal", config.web().goal());
    }

    /** A short link on the page; the request itself carries a 5,500-tryte key. */
    @GET
    @Path("connect")
    public Response connect() {
        String back = config.web().publicUrl().replaceFirst("/$", "") + "/connected";
        return Response.seeOther(new ConsentRequestLink(config.web().myHomeUrl(), back, config.web().goal()).to(identity)).build();
    }

    /** PROTOCOL.md §7: My Home's redirect carries {@code consent=granted|denied} and {@code device}. */
    @GET
    @Path("connected")
    public TemplateInstance connected(@QueryParam("consent") String consent, @QueryParam("device") String device) {
        boolean knownDevice = device != null && Trytes.isTrytes(device, 81);
        String answer = "granted".equals(consent) && knownDevice ? "granted" : "denied".equals(consent) ? "denied" : "unknown";
        return connected.data("name", config.web().name()).data("answer", answer)
                .data("device", knownDevice ? device.substring(0, 12) + "…" : "");
    }
}
