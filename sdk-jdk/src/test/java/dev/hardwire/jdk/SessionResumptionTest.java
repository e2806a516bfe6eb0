package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.jdk.Fixtures.Kind;
import dev.hardwire.testing.ChainVerifications;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RestrictedServerSockets;
import dev.hardwire.testing.ServerSessions;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each new connection's chain is verified once, and a second connection to the same server resumes
 * the first one's session where the provider can, with both clients. Resumption is seen from both
 * sides: the JSSE server gives a resumed session the first one's creation time, and the client
 * verifies no chain ({@link ChainVerifications}).
 */
class SessionResumptionTest {
  private final ChainVerifications verifications = new ChainVerifications();

  static List<Arguments> providersAndClients() {
    return Fixtures.providersAndClients();
  }

  /** The providers that resume TLS 1.3 sessions (BCJSSE 1.83 does not), with both clients. */
  static List<Arguments> tls13ResumingProvidersAndClients() {
    List<Arguments> result = new ArrayList<>();
    for (Arguments arguments : Fixtures.providersAndClients()) {
      if (arguments.get()[0] != TlsProvider.BOUNCY_CASTLE) result.add(arguments);
    }
    return result;
  }

  static List<Kind> clients() {
    return List.of(Kind.values());
  }

  private Fixtures.Client client(TlsProvider provider, Kind kind, TlsVersion minimum) {
    return kind.client(verifications.counting(PKI.policyBuilder(), "localhost")
        .tlsProvider(provider)
        .minimumTlsVersion(minimum)
        .build());
  }

  /** A response after which both clients close the connection, so the next request makes a new one. */
  private static MockResponse okThenClose(String body) {
    return new MockResponse.Builder().body(body).setHeader("Connection", "close").build();
  }

  /**
   * Two requests to one server, each over a new connection; the server's session creation times.
   * The server speaks HTTP/1.1 only, where {@code Connection: close} ends a connection (HTTP/2 has
   * no such header, and java.net.http offers no way to evict a pooled connection).
   */
  private List<Long> twoConnections(Fixtures.Client client, SSLSocketFactory serverSockets) throws Exception {
    ServerSessions sessions = ServerSessions.recording(serverSockets);
    try (MockWebServer server = new MockWebServer()) {
      server.setProtocols(List.of(Protocol.HTTP_1_1));
      server.useHttps(sessions);
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(okThenClose("one"));
      server.enqueue(okThenClose("two"));
      String url = "https://localhost:" + server.getPort() + "/";

      assertEquals("one", client.get(url).body);
      assertEquals("two", client.get(url).body);

      assertEquals(2, verifications.newConnections());
      return sessions.creationTimes();
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void verifiesANewConnectionOnce(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("once"));
      String url = "https://localhost:" + server.getPort() + "/";

      assertEquals("once", client(provider, kind, TlsVersion.TLS_1_3).get(url).body);

      assertEquals(1, verifications.verified());
    }
  }

  @ParameterizedTest
  @MethodSource("tls13ResumingProvidersAndClients")
  void resumesTheTls13SessionOnASecondConnection(TlsProvider provider, Kind kind) throws Exception {
    List<Long> created = twoConnections(client(provider, kind, TlsVersion.TLS_1_3),
        PKI.serverCertificates().sslSocketFactory());

    assertEquals(created.get(0), created.get(1));
    assertEquals(1, verifications.verified());
  }

  /**
   * BCJSSE 1.83 keeps no TLS 1.3 session to resume: each connection is a full handshake. If this
   * fails, a newer bctls resumes; let the test above include it and update docs/providers.md.
   */
  @ParameterizedTest
  @MethodSource("clients")
  void doesNotResumeTls13SessionsWithBouncyCastle(Kind kind) throws Exception {
    List<Long> created = twoConnections(client(TlsProvider.BOUNCY_CASTLE, kind, TlsVersion.TLS_1_3),
        PKI.serverCertificates().sslSocketFactory());

    assertNotEquals(created.get(0), created.get(1));
    assertEquals(2, verifications.verified());
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void resumesTheTls12SessionOnASecondConnection(TlsProvider provider, Kind kind) throws Exception {
    SSLSocketFactory tls12Only = RestrictedServerSockets.of(PKI.serverCertificates().sslSocketFactory(),
        new String[] {"TLSv1.2"});
    List<Long> created = twoConnections(client(provider, kind, TlsVersion.TLS_1_2), tls12Only);

    assertEquals(created.get(0), created.get(1));
    assertEquals(1, verifications.verified());
  }
}
