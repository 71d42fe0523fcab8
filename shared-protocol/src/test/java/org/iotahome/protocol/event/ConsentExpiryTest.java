package org.iotahome.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

class ConsentExpiryTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T10:15:30Z"), ZoneOffset.UTC);

    private static Policy policy(List<String> conditions) {
        return new Policy(new ServiceProvider(URI.create("https://a.example/back"), new Address("A".repeat(81)),
                EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom()).publicKey()), "read",
                new Device(new Address("D".repeat(81)), "P1"), "insight", conditions);
    }

    @Test
    void aRequestMayAskForADurationADateOrAnInstantInTheFuture() {
        assertThat(ConsentExpiry.fromRequest("P90D", NOW)).isEqualTo(Instant.parse("2027-03-04T10:15:30Z"));
        assertThat(ConsentExpiry.fromRequest("P3M", NOW)).isEqualTo(Instant.parse("2027-03-04T10:15:30Z"));
        assertThat(ConsentExpiry.fromRequest("PT12H", NOW)).isEqualTo(Instant.parse("2026-12-04T22:15:30Z"));
        assertThat(ConsentExpiry.fromRequest("2027-03-04", NOW)).as("through that day").isEqualTo(Instant.parse("2027-03-05T00:00:00Z"));
        assertThat(ConsentExpiry.fromRequest("2027-01-01T12:00:00Z", NOW)).isEqualTo(Instant.parse("2027-01-01T12:00:00Z"));
        assertThatThrownBy(() -> ConsentExpiry.fromRequest("2026-12-01", NOW)).hasMessageContaining("future");
        assertThatThrownBy(() -> ConsentExpiry.fromRequest("soon", NOW)).hasMessageContaining("P90D");
    }

    @Test
    void thePolicyCarriesItAsACondition() {
        Instant at = Instant.parse("2027-03-04T10:15:30.250Z");
        Policy p = policy(List.of("no resale", ConsentExpiry.condition(at)));
        assertThat(p.conditions()).contains("expires=2027-03-04T10:15:30Z");
        assertThat(ConsentExpiry.of(p)).contains(Instant.parse("2027-03-04T10:15:30Z"));
        assertThat(ConsentExpiry.of(policy(List.of("no resale")))).isEmpty();
        assertThatThrownBy(() -> ConsentExpiry.of(policy(List.of("expires=tomorrow")))).hasMessageContaining("ISO-8601");
    }
}
