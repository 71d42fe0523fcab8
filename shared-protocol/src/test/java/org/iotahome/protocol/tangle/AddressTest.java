package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {

    private static final String TRYTES = "ADDRESS9".repeat(10) + "A";

    @Test
    void acceptsEightyOneTrytesOrNinetyWithTheRightChecksum() {
        Address a = Address.parse(TRYTES);
        assertThat(a.withChecksum()).hasSize(90).startsWith(TRYTES).endsWith(a.checksum());
        assertThat(Address.parse(a.withChecksum())).isEqualTo(a);
    }

    @Test
    void refusesOtherLengthsAndCharacters() {
        assertThatThrownBy(() -> new Address(TRYTES + "9")).hasMessage("address must be 81 trytes, was 82");
        assertThatThrownBy(() -> Address.parse(TRYTES.toLowerCase())).hasMessageContaining("must be trytes");
        assertThatThrownBy(() -> Address.parse(TRYTES + "9".repeat(9))).hasMessageContaining("checksum 999999999 is wrong");
    }
}
