package org.iotahome.home.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.iotahome.protocol.event.ConsentExpiry;

import io.quarkus.qute.TemplateData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.iotahome.home.household.HouseholdState;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.event.Policy;

/** What the pages show, as plain values for the templates. */
public final class Views {

    private Views() {
    }

    /** A policy by a stable id (never a list position): what it says, hashed. */
    @TemplateData
    public record PolicyView(String id, String host, String provider, String providerAddress, String goal, String action,
            String until, boolean endsSoon) {}

    /** A week before a consent ends by itself, the household is told on its pages. */
    static final Duration WARN_BEFORE = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @TemplateData
    public record DeviceView(String address, String shortAddress, String type, String consentRoot, List<PolicyView> policies) {}

    public static List<DeviceView> of(HouseholdState state, Instant now) {
        List<DeviceView> views = new ArrayList<>();
        for (PairedDevice d : state.devices()) {
            List<PolicyView> policies = new ArrayList<>();
            for (Policy p : d.policies()) {
                Optional<Instant> ends = expiry(p);
                if (ends.isPresent() && !ends.get().isAfter(now)) continue; // ended by itself: no longer in force
                policies.add(new PolicyView(policyId(p), p.serviceProvider().url().getHost(), p.serviceProvider().url().toString(),
                        p.serviceProvider().iotaAddress().trytes(), p.goal(), p.action(), ends.map(Views::untilWords).orElse(null),
                        ends.map(e -> e.isBefore(now.plus(WARN_BEFORE))).orElse(false)));
            }
            String address = d.device().iotaAddress().trytes();
            views.add(new DeviceView(address, address.substring(0, 12) + "…", d.device().type(), d.consent().root(), policies));
        }
        return views;
    }

    private static Optional<Instant> expiry(Policy p) {
        try {
            return ConsentExpiry.of(p);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The last day a consent holds (it ends when the next day begins, UTC). */
    static LocalDate lastDay(Instant end) {
        return end.minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String day(Instant end) {
        return DAY.format(lastDay(end).atStartOfDay(ZoneOffset.UTC));
    }

    /** "until 4 March 2027 (in 90 days)", in plain words. */
    static String untilWords(Instant end) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), lastDay(end));
        String in = days >= 2 ? "in " + days + " days" : days == 1 ? "tomorrow" : "today";
        return "until " + day(end) + " (ends " + in + ")";
    }

    /** 16 hex digits of SHA-256 over what makes the policy: the same policy has the same id on every page view. */
    public static String policyId(Policy p) {
        try {
            String text = p.serviceProvider().iotaAddress().trytes() + "|" + p.serviceProvider().url() + "|" + p.action() + "|" + p.goal()
                    + "|" + p.serviceProvider().publicKey().toTrytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
    }
}
