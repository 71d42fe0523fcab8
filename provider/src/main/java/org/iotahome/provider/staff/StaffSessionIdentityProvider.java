package org.iotahome.provider.staff;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Form login's later requests: the encrypted session cookie names the staff user, already checked at sign-in. */
@ApplicationScoped
public class StaffSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    StaffPassword staff;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!staff.user().equals(request.getPrincipal()))
            return Uni.createFrom().failure(new AuthenticationFailedException("the session names no staff user"));
        return Uni.createFrom().item(StaffIdentityProvider.identity(staff.user()));
    }
}
