package org.iotahome.device.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingFilesTest {

    @TempDir
    Path dir;

    @Test
    void theSecretIsGeneratedOnceKeptOwnerOnlyAndReadBack() throws Exception {
        DeviceSecret first = new SecretFile(dir, new SecureRandom()).loadOrCreate();

        assertThat(new SecretFile(dir, new SecureRandom()).loadOrCreate()).isEqualTo(first);
        assertThat(first.trytes()).hasSize(DeviceSecret.DEFAULT_LENGTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SecretFile.NAME)))).isEqualTo("rw-------");
    }

    @Test
    void aSecretFileTooShortStopsStartUpWithoutShowingIt() throws Exception {
        Files.writeString(dir.resolve(SecretFile.NAME), "PEAR");

        assertThatThrownBy(() -> new SecretFile(dir, new SecureRandom()).loadOrCreate())
                .isInstanceOf(PairingStateException.class)
                .hasMessageContaining("got 4 characters").hasMessageNotContaining("PEAR");
    }

    @Test
    void theDeviceAddressIsFixedBySeedAndIsNoLeafTheChannelPublishesAt() {
        String seed = "D".repeat(81);
        Address address = MailboxAddress.of(seed);

        assertThat(MailboxAddress.of(seed)).isEqualTo(address);
        assertThat(MailboxAddress.of("E".repeat(81))).isNotEqualTo(address);
        MamChannel channel = MamChannel.open(seed, MamMode.RESTRICTED, new SideKey("KEY"), MailboxAddress.SECURITY);
        assertThat(channel.root()).isNotEqualTo(address.trytes());
        assertThat(channel.address()).isNotEqualTo(address.trytes());
    }

    @Test
    void aPairingIsSavedOwnerOnlyReadBackAndDeleted() throws Exception {
        PairingStore store = new PairingStore(dir);
        Pairing pairing = Pairing.pending(new Address("H".repeat(81)), new ChannelKey("C".repeat(81), "SIDE9KEY"));
        assertThat(store.load()).isEmpty();

        store.save(pairing);

        assertThat(new PairingStore(dir).load()).contains(pairing);
        assertThat(store.confirm("X".repeat(81))).isFalse();
        assertThat(store.confirm(pairing.consent().root())).isTrue();
        assertThat(new PairingStore(dir).load()).contains(pairing.confirm());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(PairingStore.NAME)))).isEqualTo("rw-------");
        store.delete();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void aDamagedPairingFileIsAFaultNamingTheFile() throws Exception {
        Files.writeString(dir.resolve(PairingStore.NAME), "{\"home\": 1}");

        assertThatThrownBy(() -> new PairingStore(dir).load()).isInstanceOf(PairingStateException.class)
                .hasMessageContaining(PairingStore.NAME);
    }
}
