package org.iotahome.protocol.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

class ConsentWrapKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Address DEVICE = new Address("DEVICE9".repeat(11) + "DEVI");
    private static final DeviceSecret SECRET = new DeviceSecret("SECRET9OF9THE9DEVICE9TWENTYSEVEN".substring(0, 27));

    @Test
    void theSameSecretAndDeviceGiveTheSameKeyAndItUnwrapsWhatItWrapped() {
        ConsentWrapKey key = ConsentWrapKey.derive(SECRET, DEVICE);
        assertThat(ConsentWrapKey.derive(SECRET, DEVICE)).isEqualTo(key);
        assertThat(ConsentWrapKey.fromBase64(key.toBase64())).isEqualTo(key);
        SideKey next = new SideKey("NEXT9CONSENT9KEY");
        assertThat(key.unwrap(key.wrap(next, RANDOM))).isEqualTo(next);
        assertThat(key.toString()).doesNotContain(key.toBase64());
    }

    @Test
    void anotherDeviceOrSecretCannotUnwrap() {
        SealedValue sealed = ConsentWrapKey.derive(SECRET, DEVICE).wrap(new SideKey("NEXT"), RANDOM);
        assertThatThrownBy(() -> ConsentWrapKey.derive(DeviceSecret.generate(RANDOM), DEVICE).unwrap(sealed))
                .isInstanceOf(PairingSealException.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> ConsentWrapKey.derive(SECRET, new Address("9".repeat(81))).unwrap(sealed))
                .isInstanceOf(PairingSealException.class);
    }
}
