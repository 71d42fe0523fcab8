package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iotahome.protocol.receipt.ConsentReceipt;
import org.iotahome.protocol.receipt.ReceiptKey;

/** What My Home is, and the public key its consent receipts are signed with, for anyone checking one (no login). */
@Path("/about")
@Produces(MediaType.TEXT_HTML)
public class AboutPages {

    @Inject
    Template about;

    @Inject
    ReceiptKey key;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance page() {
        return about.data("publicKey", key.publicKey()).data("fingerprint", key.fingerprint()).data("version", ConsentReceipt.VERSION)
                .data("user", identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
