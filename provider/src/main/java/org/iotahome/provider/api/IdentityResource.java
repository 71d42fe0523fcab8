package org.iotahome.provider.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iotahome.provider.identity.ProviderIdentity;

/**
 * {@code GET /api/identity}: what a consent request sends to My Home's {@code /new-policy}
 * (seed-scenarios.md, "Giving consent"): the provider's address and public key. Both are public.
 */
@Path("/api/identity")
public class IdentityResource {

    public record IdentityView(String iotaAddress, String publicKeyTrytes) {}

    @Inject
    ProviderIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public IdentityView get() {
        return new IdentityView(identity.address().trytes(), identity.publicKeyTrytes());
    }
}
