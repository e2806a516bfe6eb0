package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.trust.SpkiPins;
import dev.hardwire.jdk.Fixtures.Kind;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trust is the verifier's: every provider and both clients give its answer, and a rejection sends no request. */
class TrustTest {
  private static final HeldCertificate LEAF = PKI.leaf();

  static List<Arguments> providersAndClients() {
    return Fixtures.providersAndClients();
  }

  private static MockWebServer serverWith(HeldCertificate leaf) throws IOException {
    MockWebServer server = Fixtures.httpsServer(PKI.serverCertificates(leaf).sslSocketFactory());
    server.enqueue(LoopbackServers.ok("trusted"));
    return server;
  }

  private static String localhost(MockWebServer server) {
    return "https://localhost:" + server.getPort() + "/";
  }

  /** Every message in {@code e}'s cause chain, which is where providers put the verifier's words. */
  private static String messages(Throwable e) {
    StringBuilder result = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) result.append(t).append('\n');
    return result.toString();
  }

  private static IOException assertRejected(TlsProvider provider, Kind kind, SecurityPolicy.Builder policy,
      MockWebServer server, String url) {
    IOException e = assertThrows(IOException.class, () -> kind.client(policy.tlsProvider(provider).build()).get(url));
    assertEquals(0, server.getRequestCount());
    return e;
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void trustsAChainToThePolicysRoot(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = serverWith(LEAF)) {
      assertEquals("trusted", kind.client(PKI.policyBuilder().tlsProvider(provider).build())
          .get(localhost(server)).body);
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void rejectsAChainToAnotherRoot(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = serverWith(LEAF)) {
      assertRejected(provider, kind, TestPki.create().policyBuilder(), server, localhost(server));
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void rejectsTheWrongHost(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = serverWith(PKI.leaf("other.example"))) {
      assertRejected(provider, kind, PKI.policyBuilder(), server, localhost(server));
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void rejectsAnExpiredCertificate(TlsProvider provider, Kind kind) throws Exception {
    long now = System.currentTimeMillis();
    HeldCertificate expired = new HeldCertificate.Builder()
        .addSubjectAlternativeName("localhost")
        .validityInterval(now - TimeUnit.DAYS.toMillis(10), now - TimeUnit.DAYS.toMillis(1))
        .signedBy(PKI.intermediate())
        .build();
    try (MockWebServer server = serverWith(expired)) {
      assertRejected(provider, kind, PKI.policyBuilder(), server, localhost(server));
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void acceptsAMatchingPin(TlsProvider provider, Kind kind) throws Exception {
    try (MockWebServer server = serverWith(LEAF)) {
      SecurityPolicy policy = PKI.policyBuilder().tlsProvider(provider)
          .pin("localhost", SpkiPins.of(PKI.intermediate().certificate()), "sha256/" + "B".repeat(42) + "E=")
          .build();
      assertEquals("trusted", kind.client(policy).get(localhost(server)).body);
    }
  }

  @ParameterizedTest
  @MethodSource("providersAndClients")
  void pinFailureListsTheChainsPins(TlsProvider provider, Kind kind) throws Exception {
    String pinned = "sha256/" + "A".repeat(43) + "=";
    String backup = "sha256/" + "B".repeat(42) + "E=";
    try (MockWebServer server = serverWith(LEAF)) {
      IOException e = assertRejected(provider, kind, PKI.policyBuilder().pin("localhost", pinned, backup), server,
          localhost(server));

      String messages = messages(e);
      assertTrue(messages.contains(pinned) && messages.contains(backup), messages);
      assertTrue(messages.contains(SpkiPins.of(LEAF.certificate())), messages);
      assertTrue(messages.contains(SpkiPins.of(PKI.intermediate().certificate())), messages);
    }
  }
}
