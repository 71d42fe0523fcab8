package org.iotahome.device.pairing;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import jakarta.inject.Qualifier;

/** Qualifies the device's own address: where direct messages to the device arrive (PROTOCOL.md §3). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface DeviceInbox {
}
