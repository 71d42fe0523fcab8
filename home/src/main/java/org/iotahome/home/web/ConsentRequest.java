package org.iotahome.home.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.iotahome.protocol.event.ConsentExpiry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.tangle.Address;

/**
 * The parameters a provider sends to {@code /new-policy} (seed scenario "Giving consent"), checked:
 * either a provider, goal and return URL, or every problem found, each naming the parameter.
 */
public sealed interface ConsentRequest {

    /** {@code expires}: when the provider asked the consent to end by itself, if it did. */
    record Valid(ServiceProvider provider, String goal, Optional<Instant> expires) implements ConsentRequest {}

    record Invalid(List<String> problems) implements ConsentRequest {}

    /** {@code expires}: optional, a duration ({@code P90D}), a date or an instant (docs/consent-expiry.md). */
    static ConsentRequest of(String iotaAddress, String publicKeyTrytes, String goal, String url, String expires, Clock clock) {
        List<String> problems = new ArrayList<>();
        Address address = null;
        EnvelopePublicKey key = null;
        URI back = null;
        try {
            address = Address.parse(iotaAddress == null ? null : iotaAddress.trim());
        } catch (IllegalArgumentException e) {
            problems.add("iotaAddress: " + e.getMessage());
        }
        try {
            key = EnvelopePublicKey.parse(publicKeyTrytes == null ? null : publicKeyTrytes.trim());
        } catch (IllegalArgumentException e) {
            problems.add("publicKeyTrytes: " + e.getMessage());
        }
        if (goal == null || goal.isBlank()) problems.add("goal: is missing; the provider must say what it wants the data for");
        try {
            back = url == null || url.isBlank() ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            problems.add("url: not a URL: " + e.getMessage());
        }
        if (back == null && problems.stream().noneMatch(p -> p.startsWith("url:")))
            problems.add("url: is missing; it is where you return after granting");
        else if (back != null && !("https".equals(back.getScheme()) || "http".equals(back.getScheme())))
            problems.add("url: must be an absolute http or https URL, got " + url);
        Optional<Instant> ends = Optional.empty();
        if (expires != null && !expires.isBlank()) {
            try {
                ends = Optional.of(ConsentExpiry.fromRequest(expires, clock));
            } catch (IllegalArgumentException e) {
                problems.add("expires: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) return new Invalid(problems);
        return new Valid(new ServiceProvider(back, address, key), goal.trim(), ends);
    }
}
