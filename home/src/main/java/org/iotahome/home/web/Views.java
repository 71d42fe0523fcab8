package org.iotahome.home.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.home.household.HouseholdState;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.event.Policy;

/** What the pages show, as plain values for the templates. */
public final class Views {

    private Views() {
    }

    @TemplateData
    public record PolicyView(int index, String provider, String providerAddress, String goal, String action) {}

    @TemplateData
    public record DeviceView(String address, String type, String consentRoot, List<PolicyView> policies) {}

    public static List<DeviceView> of(HouseholdState state) {
        List<DeviceView> views = new ArrayList<>();
        for (PairedDevice d : state.devices()) {
            List<PolicyView> policies = new ArrayList<>();
            for (int i = 0; i < d.policies().size(); i++) {
                Policy p = d.policies().get(i);
                policies.add(new PolicyView(i, p.serviceProvider().url().toString(), p.serviceProvider().iotaAddress().trytes(),
                        p.goal(), p.action()));
            }
            views.add(new DeviceView(d.device().iotaAddress().trytes(), d.device().type(), d.consent().root(), policies));
        }
        return views;
    }
}
