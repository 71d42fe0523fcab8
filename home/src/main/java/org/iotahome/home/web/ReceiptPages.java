package org.iotahome.home.web;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.iotahome.home.HomeConfig;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.EventWalk;
import org.iotahome.protocol.receipt.ConsentReceipt;
import org.iotahome.protocol.receipt.EventBundle;
import org.iotahome.protocol.receipt.ReceiptFacts;
import org.iotahome.protocol.receipt.ReceiptKey;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A consent receipt to download (issue 16): for an AUTHORIZED on one of the household's devices,
 * named by the MAM root it sits at, the Kantara-shaped receipt signed with My Home's key
 * ({@link ConsentReceipt}), naming the bundle that carries it on the Tangle.
 */
@Path("/devices/{address}/receipts/{root}")
@Authenticated
@Blocking
public class ReceiptPages {

    static final String COLLECTION_METHOD = "My Home's consent page (/new-policy): the household signed in, read the provider's "
            + "request (what, why, how long) and chose Allow";
    private static final Duration LOOKUP = Duration.ofSeconds(10);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Inject
    CurrentHome home;

    @Inject
    Tangle tangle;

    @Inject
    ReceiptKey key;

    @Inject
    HomeConfig config;

    @GET
    public Response download(@PathParam("address") String address, @PathParam("root") String root) throws IOException {
        PairedDevice device = home.device(address);
        if (!Trytes.isTrytes(root, 81)) throw new NotFoundException("no such consent on this device");
        EventWalk.Entry entry = home.get().household().authorizedAt(device.device().iotaAddress(), root)
                .orElseThrow(() -> new NotFoundException("no such consent on this device"));
        String bundle = EventBundle.at(tangle, root, entry.key(), Optional.empty(), LOOKUP)
                .orElseThrow(() -> new ServiceUnavailableException("the Tangle node does not have this consent's bundle; try again later"))
                .bundleHash();
        Authorized authorized = (Authorized) entry.event();
        ConsentReceipt receipt = ConsentReceipt.signed(new ReceiptFacts(authorized, new ChannelKey(root, entry.key().trytes()), bundle,
                home.username(), config.receipts().jurisdiction(), COLLECTION_METHOD), key);
        String name = "consent-receipt-" + authorized.policy().serviceProvider().url().getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "-"
                + DAY.format(Instant.ofEpochMilli(authorized.timestamp())) + ".json";
        return Response.ok(receipt.toJson(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store") // it holds the consent channel's side key
                .build();
    }
}
