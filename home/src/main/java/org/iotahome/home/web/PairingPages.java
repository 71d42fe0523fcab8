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
import java.io.IOException;
import org.iotahome.home.pairing.PairingClient;
import org.iotahome.home.pairing.PairingException;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.Address;

/** Seed scenario "Pairing with a device": the pairing text, or address and secret, then the result. */
@Path("/devices/add")
@Produces(MediaType.TEXT_HTML)
public class PairingPages {

    @Inject
    Template addDevice;

    @Inject
    PairingClient pairing;

    @GET
    public TemplateInstance form() {
        return addDevice.data("result", null).data("ok", false);
    }

    /** Blocks a worker thread until the device answers or the pairing timeout passes. */
    @POST
    public TemplateInstance pair(@FormParam("pairingText") String pairingText, @FormParam("address") String address,
            @FormParam("secret") String secret) throws IOException, InterruptedException {
        PairingText text;
        try {
            text = pairingText != null && !pairingText.isBlank() ? PairingText.parse(pairingText.trim())
                    : new PairingText(Address.parse(trim(address)), new DeviceSecret(trim(secret)));
        } catch (IllegalArgumentException e) {
            return addDevice.data("result", "Not a pairing text, nor a device address and secret: " + e.getMessage()).data("ok", false);
        }
        try {
            PairingOutcome outcome = pairing.pair(text);
            if (outcome instanceof PairingOutcome.Paired paired)
                return addDevice.data("result", "Paired with " + paired.device().iotaAddress().trytes()).data("ok", true);
            if (outcome instanceof PairingOutcome.Refused refused)
                return addDevice.data("result", "The device refused: " + refused.reason()).data("ok", false);
            return addDevice.data("result", ((PairingOutcome.NoAnswer) outcome).advice()).data("ok", false);
        } catch (PairingException e) {
            return addDevice.data("result", e.getMessage()).data("ok", false);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
