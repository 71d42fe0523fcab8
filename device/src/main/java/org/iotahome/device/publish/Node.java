package org.iotahome.device.publish;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Qualifies the Tangle as the node gives it, before the device observes its calls (tests put one in memory here). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface Node {
}
