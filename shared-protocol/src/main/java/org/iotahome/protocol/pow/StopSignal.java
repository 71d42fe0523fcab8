package org.iotahome.protocol.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tells every worker of one search that a nonce was found. It lives in native memory so that
 * the C engine can read it between two steps without returning to Java.
 */
final class StopSignal {

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer flag = ByteBuffer.allocateDirect(Integer.BYTES).order(ByteOrder.nativeOrder());

    void set() {
        INT.setVolatile(flag, 0, 1);
    }

    boolean isSet() {
        return (int) INT.getVolatile(flag, 0) != 0;
    }

    /** The direct buffer holding the flag (an int, 0 or 1), for the native engine. */
    ByteBuffer buffer() {
        return flag;
    }
}
