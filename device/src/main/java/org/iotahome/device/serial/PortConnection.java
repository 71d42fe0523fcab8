package org.iotahome.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import org.iotahome.protocol.p1.LineSettings;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One serial port through jSerialComm, opened by path (jSerialComm does not list pseudo-terminals
 * or symlinks, but opens them). Logs each change of state once: open, lost, unavailable (not
 * every retry), open again. Not thread-safe except {@link #close()}, which may come from any thread.
 */
final class PortConnection {

    private static final Logger LOG = Logger.getLogger(SerialSource.class);
    /** A read waits this long for a byte, then checks the port is still the one opened. */
    private static final int READ_TIMEOUT_MS = 500;

    private final String path;
    private final LineSettings settings;
    private final SerialStats stats;
    private volatile SerialPort port;
    private String openedDevice;
    private String lastProblem;
    private int failedAttempts;
    private boolean everOpened;

    PortConnection(String path, LineSettings settings, SerialStats stats) {
        this.path = path;
        this.settings = settings;
        this.stats = stats;
    }

    /** Opens the port; false (logged once per distinct reason) when it cannot. */
    boolean open() {
        String device;
        try {
            device = Path.of(path).toRealPath().toString();     // a symlink is followed anew each time
        } catch (IOException e) {
            return failed("no such device");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            return failed("jSerialComm refuses it: " + e.getMessage());
        }
        p.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(settings), parity(settings));
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!p.openPort()) return failed("it cannot be opened (system error " + p.getLastErrorCode() + ")");
        port = p;
        openedDevice = device;
        if (everOpened || failedAttempts > 0)
            LOG.infof("P1 port %s open again at %s after %d failed attempt(s)", path, settings, failedAttempts);
        else
            LOG.infof("P1 port %s open at %s", path, settings);
        everOpened = true;
        failedAttempts = 0;
        lastProblem = null;
        stats.connected(true);
        return true;
    }

    /** Bytes read into {@code buffer}: 0 when none came in time, -1 when the port is gone. */
    int read(byte[] buffer) {
        SerialPort p = port;
        if (p == null) return -1;
        int n = p.readBytes(buffer, buffer.length);
        if (n < 0) return lost("reading failed (system error " + p.getLastErrorCode() + ")");
        if (n == 0 && !stillThere()) return lost("the device disappeared");
        return n;
    }

    /** Closes the port if open; safe from any thread, also while {@link #read} blocks. */
    void close() {
        SerialPort p = port;
        port = null;
        if (p != null) p.closePort();
    }

    private boolean stillThere() {
        try {
            return Path.of(path).toRealPath().toString().equals(openedDevice);
        } catch (IOException e) {
            return false;
        }
    }

    private int lost(String why) {
        if (port != null) LOG.warnf("P1 port %s lost: %s; reconnecting with backoff", path, why);
        lastProblem = null;
        stats.problem("lost: " + why);
        return -1;
    }

    private boolean failed(String why) {
        failedAttempts++;
        if (!why.equals(lastProblem))
            LOG.warnf("P1 port %s not available: %s; retrying with backoff", path, why);
        lastProblem = why;
        stats.problem("not available: " + why);
        return false;
    }

    private static int stopBits(LineSettings s) {
        return s.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(LineSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }
}
