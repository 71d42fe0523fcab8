package org.iotahome.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.readings.ReadingStore;

/** {@code GET /api/readings?device=ROOT&limit=N}: a granted device's newest N readings, newest first. */
@Path("/api/readings")
public class ReadingsResource {

    static final int MAX_LIMIT = 10_000;

    @Inject
    GrantStore grants;

    @Inject
    ReadingStore readings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<JsonNode> newest(@QueryParam("device") String device, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (device == null || !Trytes.isTrytes(device, 81))
            throw new BadRequestException("device must be a device channel root of 81 trytes (A-Z, 9)");
        if (limit < 1 || limit > MAX_LIMIT) throw new BadRequestException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        if (grants.get(device).isEmpty()) throw new NotFoundException("no grant for device channel " + device);
        return readings.newest(device, limit);
    }
}
