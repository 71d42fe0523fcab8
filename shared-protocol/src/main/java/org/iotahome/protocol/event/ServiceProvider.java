package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.tangle.Address;

/** A provider in a policy (PROTOCOL.md §7): {@code {url, iotaAddress, publicKeyTrytes}}. */
public record ServiceProvider(URI url, Address iotaAddress, EnvelopePublicKey publicKey) {

    public ServiceProvider {
        if (url == null || !url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))
            throw new IllegalArgumentException("service provider url must be an absolute http(s) URL, was " + url);
        if (iotaAddress == null) throw new IllegalArgumentException("service provider iotaAddress is missing");
        if (publicKey == null) throw new IllegalArgumentException("service provider publicKeyTrytes is missing");
    }

    public ObjectNode toNode() {
        ObjectNode n = WireJson.object();
        n.put("url", url.toString());
        n.put("iotaAddress", iotaAddress.trytes());
        n.put("publicKeyTrytes", publicKey.toTrytes());
        return n;
    }

    public static ServiceProvider read(FieldReader r) {
        URI url = r.value("url", ServiceProvider::uri);
        Address address = r.value("iotaAddress", Address::new);
        EnvelopePublicKey key = r.value("publicKeyTrytes", EnvelopePublicKey::parse);
        r.end();
        return new ServiceProvider(url, address, key);
    }

    private static URI uri(String s) {
        try {
            URI u = new URI(s);
            if (!u.isAbsolute() || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())))
                throw new IllegalArgumentException("must be an absolute http(s) URL, was '" + s + "'");
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getMessage(), e);
        }
    }
}
