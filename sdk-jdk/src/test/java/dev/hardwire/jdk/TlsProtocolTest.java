package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.jdk.Fixtures.Kind;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.RestrictedServerSockets;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy's protocols and suites, on every provider and both clients, against servers that
 * offer less. A failed handshake is an SSLHandshakeException naming the protocols the policy
 * allows, with the provider's exception as its cause, and the server receives no request.
 */
class TlsProtocolTest {
  private static final String[] TLS_1_2 = {"TLSv1.2"};

  private final RecordingListener events = new RecordingListener();

  private Fixtures.Client client(TlsProvider provider, Kind kind, TlsVersion minimum) {
    return kind.client(policy(provider, minimum));
  }

  private SecurityPolicy policy(TlsProvider provider, TlsVersion minimum) {
    return PKI.policyBuilder()
        .tlsProvider(provider)
        .minimumTlsVersion(minimum)
        .eventListener(events)
        .build();
  }

  /** The caller's exception names the host and the protocols the policy allows, with the provider's as its cause. */
  private static void assertExplainsTls13Only(Throwable thrown) {
    assertEquals(SSLHandshakeException.class, thrown.getClass());
    Throwable original = thrown.getCause();
    assertNotNull(original);
    assertEquals("TLS handshake with localhost failed: " + original.getMessage()
        + ". The policy allows [TLSv1.3]; the server must offer one of them.", thrown.getMessage());
  }

  private static SSLSocketFactory serverOffering(String[] protocols, String... suites) {
    return RestrictedServerSockets.of(PKI.serverCertificates().sslSocketFactory(), protocols, suites);
  }

  static List<org.junit.jupiter.params.provider.Arguments> providersAndClients() {
    return Fixtures.providersAndClients();
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void negotiatesTls13AndReportsNewThenPooledConnections(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("one"));
      server.enqueue(LoopbackServers.ok("two"));
      Fixtures.Client client = client(provider, kind, TlsVersion.TLS_1_3);

      assertEquals("one", client.get(server.url("/1").toString()).body);
      assertEquals("two", client.get(server.url("/2").toString()).body);

      List<SecurityEvent> negotiated = events.events(SecurityEvent.Kind.TLS_NEGOTIATED);
      assertEquals(2, negotiated.size());
      SecurityEvent first = negotiated.get(0);
      assertEquals("TLSv1.3", first.tlsVersion());
      assertTrue(first.cipherSuite().startsWith("TLS_AES_") || first.cipherSuite().startsWith("TLS_CHACHA20"));
      assertEquals(provider.name(), first.provider());
      assertEquals("localhost", first.host());
      assertFalse(first.connectionReused());
      assertNotNull(first.handshakeDuration());
      SecurityEvent second = negotiated.get(1);
      assertEquals("TLSv1.3", second.tlsVersion());
      assertTrue(second.connectionReused());
      assertNull(second.handshakeDuration());
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void refusesATls12OnlyServerUnderTheDefaultPolicy(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      server.enqueue(LoopbackServers.ok("never"));

      IOException thrown = assertThrows(IOException.class, () -> client(provider, kind, TlsVersion.TLS_1_3)
          .get("https://localhost:" + server.getPort() + "/"));

      assertEquals(0, server.getRequestCount());
      assertExplainsTls13Only(thrown);
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
  void explainsATls12OnlyServerToSendAndToJoin(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      server.enqueue(LoopbackServers.ok("never"));
      HttpClient client = HardenedHttpClient.newBuilder(policy(provider, TlsVersion.TLS_1_3)).build();
      HttpRequest request = Fixtures.get("https://localhost:" + server.getPort() + "/");

      assertExplainsTls13Only(assertThrows(IOException.class,
          () -> client.send(request, HttpResponse.BodyHandlers.ofString())));
      CompletionException joined = assertThrows(CompletionException.class,
          () -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join());
      assertExplainsTls13Only(joined.getCause());

      assertEquals(0, server.getRequestCount());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void explainsATls12OnlyServerToAWebSocket(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      HttpClient client = HardenedHttpClient.newBuilder(policy(provider, TlsVersion.TLS_1_3)).build();

      CompletionException joined = assertThrows(CompletionException.class, () -> client.newWebSocketBuilder()
          .buildAsync(URI.create("wss://localhost:" + server.getPort() + "/"), new WebSocket.Listener() { })
          .join());

      assertExplainsTls13Only(joined.getCause());
      assertEquals(joined.getCause().getMessage(), events.events(SecurityEvent.Kind.HANDSHAKE_FAILED).get(0).message());
      assertEquals(0, server.getRequestCount());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void explainsATls12OnlyServerOnEveryUrlConnectionPath(TlsProvider provider) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      server.enqueue(LoopbackServers.ok("never"));
      SecurityPolicy policy = policy(provider, TlsVersion.TLS_1_3);
      URL url = new URL("https://localhost:" + server.getPort() + "/");

      HttpsURLConnection connected = HardenedUrlConnection.open(url, policy);
      IOException fromConnect = assertThrows(IOException.class, connected::connect);
      assertExplainsTls13Only(fromConnect);
      assertSame(fromConnect, assertThrows(IOException.class, connected::getInputStream));
      assertSame(fromConnect, assertThrows(IOException.class, connected::getResponseCode));
      assertExplainsTls13Only(assertThrows(IOException.class,
          () -> HardenedUrlConnection.open(url, policy).getInputStream()));

      assertEquals(0, server.getRequestCount());
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void acceptsTls12WithEcdheAndAeadWhenThePolicyAllowsIt(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2))) {
      server.enqueue(LoopbackServers.ok("tls12"));

      assertEquals("tls12", client(provider, kind, TlsVersion.TLS_1_2).get(server.url("/").toString()).body);

      SecurityEvent negotiated = events.events(SecurityEvent.Kind.TLS_NEGOTIATED).get(0);
      assertEquals("TLSv1.2", negotiated.tlsVersion());
      assertTrue(negotiated.cipherSuite().startsWith("TLS_ECDHE_"), negotiated.cipherSuite());
      assertFalse(negotiated.cipherSuite().contains("CBC"), negotiated.cipherSuite());
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void refusesACbcOnlyServer(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer(serverOffering(TLS_1_2,
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"))) {
      server.enqueue(LoopbackServers.ok("never"));

      IOException thrown = assertThrows(IOException.class, () -> client(provider, kind, TlsVersion.TLS_1_2)
          .get(server.url("/").toString()));

      assertEquals(0, server.getRequestCount());
      assertTrue(thrown.getMessage().contains("(TLS 1.2 only with ECDHE and AES-GCM or ChaCha20-Poly1305)"),
          thrown.getMessage());
      assertEquals(1, events.events(SecurityEvent.Kind.HANDSHAKE_FAILED).size());
    }
  }
}
