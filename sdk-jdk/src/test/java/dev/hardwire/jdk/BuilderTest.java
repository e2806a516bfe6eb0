package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsVersion;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** What the hardened builder and connection keep, refuse and merge. */
class BuilderTest {
  private final SecurityPolicy tls12 = PKI.policyBuilder().minimumTlsVersion(TlsVersion.TLS_1_2).build();

  @Test
  void keepsTheCallersOptions() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    CookieManager cookies = new CookieManager();
    HttpClient client = HardenedHttpClient.newBuilder(tls12)
        .executor(executor)
        .cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(3))
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.ALWAYS)
        .build();

    assertSame(executor, client.executor().orElseThrow());
    assertSame(cookies, client.cookieHandler().orElseThrow());
    assertEquals(Duration.ofSeconds(3), client.connectTimeout().orElseThrow());
    assertEquals(HttpClient.Version.HTTP_1_1, client.version());
    assertEquals(HttpClient.Redirect.ALWAYS, client.followRedirects());
    executor.shutdown();
  }

  @Test
  void usesThePolicysProtocolsAndSuitesExactly() {
    SSLParameters parameters = HardenedHttpClient.newClient(PKI.policyBuilder().build()).sslParameters();

    assertArrayEquals(new String[] {"TLSv1.3"}, parameters.getProtocols());
    for (String suite : parameters.getCipherSuites()) assertTrue(suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20"), suite);
  }

  @Test
  void refusesACallersSslContext() throws Exception {
    SSLContext loose = SSLContext.getInstance("TLS");
    loose.init(null, null, null);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HardenedHttpClient.newBuilder(tls12).sslContext(loose));

    assertTrue(e.getMessage().contains("trustAnchors"), e.getMessage());
  }

  @Test
  void sslParametersMayNarrowThePolicy() {
    HttpClient client = HardenedHttpClient.newBuilder(tls12)
        .sslParameters(new SSLParameters(new String[] {"TLS_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA"},
            new String[] {"TLSv1.3", "TLSv1.1"}))
        .build();

    assertArrayEquals(new String[] {"TLSv1.3"}, client.sslParameters().getProtocols());
    assertArrayEquals(new String[] {"TLS_AES_256_GCM_SHA384"}, client.sslParameters().getCipherSuites());
  }

  @Test
  void sslParametersCannotWidenThePolicy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HardenedHttpClient.newBuilder(PKI.policyBuilder().build())
            .sslParameters(new SSLParameters(null, new String[] {"TLSv1.2"})));

    assertTrue(e.getMessage().contains("minimumTlsVersion"), e.getMessage());
  }

  @Test
  void urlConnectionRefusesASocketFactoryOrHostnameVerifier() throws Exception {
    HttpsURLConnection connection = HardenedUrlConnection.open(new URL("https://localhost:1/"), tls12);

    assertThrows(IllegalArgumentException.class,
        () -> connection.setSSLSocketFactory(SSLContext.getDefault().getSocketFactory()));
    assertThrows(IllegalArgumentException.class, () -> connection.setHostnameVerifier((host, session) -> true));
    assertTrue(connection.getInstanceFollowRedirects());
  }
}
