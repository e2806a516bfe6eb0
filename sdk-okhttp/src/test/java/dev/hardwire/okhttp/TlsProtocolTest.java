package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.RestrictedServerSockets;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policy's protocols and suites, on every provider, against servers that offer less. A failed
 * handshake is an IOException: SSLException on JDK and Conscrypt, BCJSSE's own TlsFatalAlert*; the
 * caller gets it as the cause of an SSLHandshakeException that names the protocols the policy allows.
 */
class TlsProtocolTest {
  private static final String[] TLS_1_2 = {"TLSv1.2"};

  private final RecordingListener events = new RecordingListener();

  private OkHttpClient client(TlsProvider provider, TlsVersion minimum) {
    return HardenedOkHttp.newClient(PKI.policyBuilder()
        .tlsProvider(provider)
        .minimumTlsVersion(minimum)
        .eventListener(events)
        .build());
  }

  static SSLSocketFactory serverOffering(String[] protocols, String... suites) {
    return RestrictedServerSockets.of(PKI.serverCertificates().sslSocketFactory(), protocols, suites);
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void negotiatesTls13AndReportsNewThenPooledConnections(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("one"));
      server.enqueue(LoopbackServers.ok("two"));
      OkHttpClient client = client(provider, TlsVersion.TLS_1_3);

      assertEquals("one", body(client, get(server.url("/1").toString())));
      assertEquals("two", body(client, get(server.url("/2").toString())));

      List<SecurityEvent> negotiated = events.events(SecurityEvent.Kind.TLS_NEGOTIATED);
      assertEquals(2, negotiated.size());
      SecurityEvent first = negotiated.get(0);
      assertEquals("TLSv1.3", first.tlsVersion());
      assertTrue(first.cipherSuite().startsWith("TLS_AES_") || first.cipherSuite().startsWith("TLS_CHACHA20"));
      assertEquals(provider.name(), first.provider());
      assertFalse(first.connectionReused());
      assertNotNull(first.handshakeDuration());
      assertTrue(negotiated.get(1).connectionReused());
      assertNull(negotiated.get(1).handshakeDuration());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void refusesATls12OnlyServerUnderTheDefaultPolicy(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      server.enqueue(LoopbackServers.ok("never"));

      SSLHandshakeException thrown = assertThrows(SSLHandshakeException.class, () -> client(provider,
          TlsVersion.TLS_1_3).newCall(get(server.url("/").toString())).execute());

      assertEquals(0, server.getRequestCount());
      Throwable original = thrown.getCause();
      assertNotNull(original);
      assertEquals("TLS handshake with localhost failed: " + original.getMessage()
          + ". The policy allows [TLSv1.3]; the server must offer one of them.", thrown.getMessage());
      SecurityEvent failed = events.events(SecurityEvent.Kind.HANDSHAKE_FAILED).get(0);
      assertEquals(thrown.getMessage(), failed.message());
      assertEquals(provider.name(), failed.provider());
      assertEquals("localhost", failed.host());
      assertTrue(failed.reason().equals("PROTOCOL_VERSION") || failed.reason().equals("HANDSHAKE_FAILURE"),
          failed.reason() + ": " + failed.message());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void acceptsTls12WithEcdheAndAeadWhenThePolicyAllowsIt(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      server.enqueue(LoopbackServers.ok("tls12"));

      assertEquals("tls12", body(client(provider, TlsVersion.TLS_1_2), get(server.url("/").toString())));

      SecurityEvent negotiated = events.events(SecurityEvent.Kind.TLS_NEGOTIATED).get(0);
      assertEquals("TLSv1.2", negotiated.tlsVersion());
      assertTrue(negotiated.cipherSuite().startsWith("TLS_ECDHE_"), negotiated.cipherSuite());
      assertFalse(negotiated.cipherSuite().contains("CBC"), negotiated.cipherSuite());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void refusesACbcOnlyServer(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2,
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"))) {
      server.enqueue(LoopbackServers.ok("never"));

      SSLHandshakeException thrown = assertThrows(SSLHandshakeException.class, () -> client(provider,
          TlsVersion.TLS_1_2).newCall(get(server.url("/").toString())).execute());

      assertEquals(0, server.getRequestCount());
      assertTrue(thrown.getMessage().contains("(TLS 1.2 only with ECDHE and AES-GCM or ChaCha20-Poly1305)"),
          thrown.getMessage());
      assertEquals(1, events.events(SecurityEvent.Kind.HANDSHAKE_FAILED).size());
    }
  }
}
