package org.iotahome.device.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The HTTP client the device talks to its node with, kept small for a Pi: HTTP/1.1 (the IRI API
 * needs nothing more; no h2c upgrade and its HPACK tables), and for a plain {@code http:} node a
 * TLS context that never loads the JDK's trust store, which the default client parses at start
 * even when it never opens a TLS connection (about 600 classes and a megabyte of heap). An
 * {@code https:} node gets the JDK's default TLS, trust store and all.
 */
final class NodeHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private NodeHttp() {
    }

    static HttpClient forNode(URI node) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT);
        if ("http".equalsIgnoreCase(node.getScheme())) builder.sslContext(withoutTrustStore());
        return builder.build();
    }

    /** A context no certificate can satisfy: only here so that the client does not build the default one. */
    private static SSLContext withoutTrustStore() {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context for the node's HTTP client: " + e.getMessage(), e);
        }
    }
}
