package org.iotahome.device;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.iotahome.device.status.DeviceStatus;
import org.iotahome.protocol.mam.ChannelCheckpoint;
import org.iotahome.protocol.mam.ChannelState;
import org.iotahome.protocol.mam.MamMessage;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.tangle.TangleCursor;

/**
 * The native image keeps for reflection what Jackson reads and writes by reflection in
 * shared-protocol (which knows no Quarkus): the channel state, the address cursor and P1 readings
 * with every record they hold, and the status JSON. jSerialComm's JNI and library are declared in
 * {@code META-INF/native-image/org.iotahome/device/}.
 */
@RegisterForReflection(targets = {
        ChannelCheckpoint.class, ChannelState.class, MamMessage.class, MamMode.class,
        TangleCursor.class,
        Reading.class, Reading.Tariffs.class, Reading.Phase.class, Reading.Gas.class, Reading.Mbus.class,
        Reading.Capacity.class, Reading.Peak.class, Reading.Messages.class,
        DeviceStatus.class, DeviceStatus.Pairing.class, DeviceStatus.PairingState.class, DeviceStatus.Provider.class,
        DeviceStatus.Serial.class, DeviceStatus.Counters.class, DeviceStatus.LastRejected.class, DeviceStatus.Outbox.class, DeviceStatus.Node.class,
        DeviceStatus.Channel.class, DeviceStatus.Stream.class })
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
