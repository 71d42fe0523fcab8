package org.iotahome.provider.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.iotahome.provider.identity.ProviderIdentity;

/**
 * The consent request (seed-scenarios.md "Giving consent", PROTOCOL.md §7): My Home's
 * {@code /new-policy} with our address, public key, goal and the page My Home sends the household
 * back to.
 */
public record ConsentRequestLink(String myHomeUrl, String returnUrl, String goal) {

    public URI to(ProviderIdentity identity) {
        String base = myHomeUrl.endsWith("/") ? myHomeUrl.substring(0, myHomeUrl.length() - 1) : myHomeUrl;
        return URI.create(base + "/new-policy?iotaAddress=" + identity.address().trytes() + "&publicKeyTrytes=" + identity.publicKeyTrytes()
                + "&goal=" + encode(goal) + "&url=" + encode(returnUrl));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
