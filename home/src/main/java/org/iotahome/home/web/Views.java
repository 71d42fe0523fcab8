package org.iotahome.home.web;

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
    public record PolicyView(String id, String host, String provider, String providerAddress, String goal, String action) {}

    @TemplateData
    public record DeviceView(String address, String shortAddress, String type, String consentRoot, List<PolicyView> policies) {}

    public static List<DeviceView> of(HouseholdState state) {
        List<DeviceView> views = new ArrayList<>();
        for (PairedDevice d : state.devices()) {
            List<PolicyView> policies = new ArrayList<>();
            for (Policy p : d.policies())
                policies.add(new PolicyView(policyId(p), p.serviceProvider().url().getHost(), p.serviceProvider().url().toString(),
                        p.serviceProvider().iotaAddress().trytes(), p.goal(), p.action()));
            String address = d.device().iotaAddress().trytes();
            views.add(new DeviceView(address, address.substring(0, 12) + "…", d.device().type(), d.consent().root(), policies));
        }
        return views;
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
