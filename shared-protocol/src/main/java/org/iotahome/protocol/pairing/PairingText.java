package org.iotahome.protocol.pairing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iotahome.protocol.tangle.Address;

/**
 * What the device shows as text and QR code (PROTOCOL.md §4):
 * {@code iotahome:pair?address=ADDRESS&secret=SECRET}. The address is written with its checksum,
 * so a mistyped address is caught; reading accepts it with or without.
 */
public record PairingText(Address address, DeviceSecret secret) {

    public static final String PREFIX = "iotahome:pair?";

    public PairingText {
        if (address == null) throw new IllegalArgumentException("pairing text needs an address");
        if (secret == null) throw new IllegalArgumentException("pairing text needs a secret");
    }

    public String format() {
        return PREFIX + "address=" + address.withChecksum() + "&secret=" + secret.trytes();
    }

    public static PairingText parse(String text) {
        if (text == null) throw new BadPairingTextException("pairing text is missing");
        String t = text.strip();
        if (!t.startsWith(PREFIX))
            throw new BadPairingTextException("pairing text must start with '" + PREFIX + "'");
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : t.substring(PREFIX.length()).split("&", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new BadPairingTextException("pairing text parameter '" + part + "' is not name=value");
            String name = part.substring(0, eq);
            if (!name.equals("address") && !name.equals("secret"))
                throw new BadPairingTextException("pairing text has unknown parameter '" + name + "' (expected address, secret)");
            if (params.put(name, part.substring(eq + 1)) != null)
                throw new BadPairingTextException("pairing text repeats parameter '" + name + "'");
        }
        for (String name : new String[] {"address", "secret"})
            if (!params.containsKey(name)) throw new BadPairingTextException("pairing text lacks parameter '" + name + "'");
        Address address;
        DeviceSecret secret;
        try {
            address = Address.parse(params.get("address"));
        } catch (IllegalArgumentException e) {
            throw new BadPairingTextException("pairing text address: " + e.getMessage());
        }
        try {
            secret = new DeviceSecret(params.get("secret"));
        } catch (IllegalArgumentException e) {
            throw new BadPairingTextException("pairing text secret: " + e.getMessage());
        }
        return new PairingText(address, secret);
    }

    @Override
    public String toString() {
        return "PairingText[" + address + ", " + secret + "]";
    }
}
