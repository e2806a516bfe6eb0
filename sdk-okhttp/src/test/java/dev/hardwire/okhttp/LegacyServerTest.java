package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.RestrictedServerSockets;
import java.io.IOException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Servers that offer only what the platform no longer enables: TLS 1.0/1.1, or TLS 1.2 without
 * forward secrecy. Runs in its own Surefire execution, whose JVM relaxes jdk.tls.disabledAlgorithms
 * (src/test/resources/legacy-tls.security) so the servers can offer them; a plain JSSE control
 * handshake proves they do. The policy's clients must refuse them all the same, on every provider.
 */
class LegacyServerTest {
  private final RecordingListener events = new RecordingListener();

  private void assertRefused(TlsProvider provider, SSLSocketFactory serverSockets, String protocol, String suite)
      throws IOException {
    try (MockWebServer server = Fixtures.httpsServer(serverSockets)) {
      server.enqueue(LoopbackServers.ok("never"));
      OkHttpClient client = HardenedOkHttp.newClient(PKI.policyBuilder()
          .tlsProvider(provider)
          .minimumTlsVersion(TlsVersion.TLS_1_2)
          .eventListener(events)
          .build());

      assertThrows(IOException.class, () -> client.newCall(get(server.url("/").toString())).execute());

      assertEquals(0, server.getRequestCount());
      assertEquals(1, events.events(SecurityEvent.Kind.HANDSHAKE_FAILED).size());
      assertEquals(protocol, controlHandshake(server.getPort(), protocol, suite));
    }
  }

  /** A plain JSSE handshake with exactly {@code protocol} and {@code suite}: the server does offer them. */
  private static String controlHandshake(int port, String protocol, String suite) throws IOException {
    try (SSLSocket socket = (SSLSocket) Fixtures.trustAllSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setEnabledCipherSuites(new String[] {suite});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void refusesATls11AndTls10OnlyServer(TlsProvider provider) throws Exception {
    String suite = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";
    assertRefused(provider, TlsProtocolTest.serverOffering(new String[] {"TLSv1.1", "TLSv1"}, suite),
        "TLSv1.1", suite);
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void refusesAServerWithoutForwardSecrecy(TlsProvider provider) throws Exception {
    HeldCertificate rsaLeaf = new HeldCertificate.Builder()
        .rsa2048()
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .signedBy(PKI.intermediate())
        .build();
    String suite = "TLS_RSA_WITH_AES_128_GCM_SHA256";
    assertRefused(provider, RestrictedServerSockets.of(PKI.serverCertificates(rsaLeaf).sslSocketFactory(),
        new String[] {"TLSv1.2"}, suite, "TLS_RSA_WITH_AES_256_GCM_SHA384"), "TLSv1.2", suite);
  }
}
