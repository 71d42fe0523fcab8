package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class NodeHttpTest {

    @Test
    void aPlainHttpNodeIsSpokenToOverHttp11WithoutTheDefaultTlsContext() throws Exception {
        HttpClient client = NodeHttp.forNode(URI.create("http://localhost:14265"));
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(client.sslContext()).isNotSameAs(SSLContext.getDefault());
    }

    @Test
    void anHttpsNodeKeepsTheJdksTrustStore() throws Exception {
        HttpClient client = NodeHttp.forNode(URI.create("https://node.example:443"));
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(client.sslContext()).isSameAs(SSLContext.getDefault());
    }
}
