package org.iotahome.home.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.home.accounts.Account;
import org.iotahome.home.household.Households;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.mam.SideKey;

/** The signed-in account's household: every page works on this one only, so another's device or policy is simply not found. */
@RequestScoped
public class CurrentHome {

    @Inject
    SecurityIdentity identity;

    @Inject
    Households households;

    private Households.Home home;
    private String username;
    private long accountId;

    @Transactional
    public Households.Home get() {
        if (home == null) {
            if (identity.isAnonymous()) throw new NotAuthorizedException("sign in first");
            Account a = Account.byUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> new NotAuthorizedException("the account is gone"));
            username = a.username;
            accountId = a.id;
            home = households.of(a.id, HomeIdentity.of(a.seed, new SideKey(a.householdKey)));
        }
        return home;
    }

    /** A device of this household by its address; anything else (another household's, or no address) is not found. */
    public PairedDevice device(String address) throws IOException {
        Address a;
        try {
            a = Address.parse(address);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no such device");
        }
        return get().household().state().device(a).orElseThrow(() -> new NotFoundException("no such device in your household"));
    }

    public long accountId() {
        get();
        return accountId;
    }

    public String username() {
        get();
        return username;
    }
}
