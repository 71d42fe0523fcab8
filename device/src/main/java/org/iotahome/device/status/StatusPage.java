package org.iotahome.device.status;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.iotahome.device.pairing.DeviceInbox;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.Address;

/**
 * The device's local status page ({@code /}) and its JSON ({@code /status}). The HTTP server
 * listens on 127.0.0.1 unless configured otherwise; the pairing QR code (it holds the secret) is
 * drawn only while the device is unpaired, and only for a browser on the device itself.
 */
@Path("/")
public class StatusPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(DeviceStatus status, RawString qr, boolean unpaired);
    }

    @Inject
    StatusReport report;
    @Inject
    @DeviceInbox
    Address address;
    @Inject
    DeviceSecret secret;

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public DeviceStatus status() {
        return report.now();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@Context HttpServerRequest request) {
        boolean unpaired = report.unpaired();
        RawString qr = unpaired && fromThisMachine(request)
                ? new RawString(PairingQr.svg(new PairingText(address, secret).format(), 320)) : null;
        return Templates.status(report.now(), qr, unpaired);
    }

    private static boolean fromThisMachine(HttpServerRequest request) {
        if (request.remoteAddress() == null) return false;
        try {
            return InetAddress.getByName(request.remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
