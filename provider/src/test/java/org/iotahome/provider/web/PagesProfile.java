package org.iotahome.provider.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The pages over {@link FakeDashboard} instead of the store. */
public class PagesProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeDashboard.class);
    }
}
