package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.testing.ChainVerifications;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RestrictedServerSockets;
import dev.hardwire.testing.ServerSessions;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each new connection's chain is verified once, and a second connection to the same server resumes
 * the first one's session where the provider can. Resumption is seen from both sides: the JSSE
 * server gives a resumed session the first one's creation time, and the client verifies no chain
 * ({@link ChainVerifications}).
 */
class SessionResumptionTest {
  private final ChainVerifications verifications = new ChainVerifications();

  private OkHttpClient client(TlsProvider provider, TlsVersion minimum) {
    return HardenedOkHttp.newClient(verifications.counting(PKI.policyBuilder(), "localhost")
        .tlsProvider(provider)
        .minimumTlsVersion(minimum)
        .build());
  }

  /** Two requests to {@code server}, each over a new connection; the server's session creation times. */
  private List<Long> twoConnections(OkHttpClient client, SSLSocketFactory serverSockets) throws Exception {
    ServerSessions sessions = ServerSessions.recording(serverSockets);
    try (MockWebServer server = Fixtures.httpsServer(sessions)) {
      server.enqueue(LoopbackServers.ok("one"));
      server.enqueue(LoopbackServers.ok("two"));
      String url = "https://localhost:" + server.getPort() + "/";

      assertEquals("one", body(client, get(url)));
      client.connectionPool().evictAll();
      assertEquals("two", body(client, get(url)));

      assertEquals(2, verifications.newConnections());
      return sessions.creationTimes();
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void verifiesANewConnectionOnce(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("once"));
      String url = "https://localhost:" + server.getPort() + "/";

      assertEquals("once", body(client(provider, TlsVersion.TLS_1_3), get(url)));

      assertEquals(1, verifications.verified());
    }
  }

  @ParameterizedTest
  @EnumSource(value = TlsProvider.class, names = {"JDK", "CONSCRYPT"})
  void resumesTheTls13SessionOnASecondConnection(TlsProvider provider) throws Exception {
    List<Long> created = twoConnections(client(provider, TlsVersion.TLS_1_3),
        PKI.serverCertificates().sslSocketFactory());

    assertEquals(created.get(0), created.get(1));
    assertEquals(1, verifications.verified());
  }

  /**
   * BCJSSE 1.83 keeps no TLS 1.3 session to resume: each connection is a full handshake. If this
   * fails, a newer bctls resumes; move BOUNCY_CASTLE to the test above and update docs/providers.md.
   */
  @ParameterizedTest
  @EnumSource(value = TlsProvider.class, names = "BOUNCY_CASTLE")
  void doesNotResumeTls13SessionsWithBouncyCastle(TlsProvider provider) throws Exception {
    List<Long> created = twoConnections(client(provider, TlsVersion.TLS_1_3),
        PKI.serverCertificates().sslSocketFactory());

    assertNotEquals(created.get(0), created.get(1));
    assertEquals(2, verifications.verified());
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void resumesTheTls12SessionOnASecondConnection(TlsProvider provider) throws Exception {
    SSLSocketFactory tls12Only = RestrictedServerSockets.of(PKI.serverCertificates().sslSocketFactory(),
        new String[] {"TLSv1.2"});
    List<Long> created = twoConnections(client(provider, TlsVersion.TLS_1_2), tls12Only);

    assertEquals(created.get(0), created.get(1));
    assertEquals(1, verifications.verified());
  }
}
