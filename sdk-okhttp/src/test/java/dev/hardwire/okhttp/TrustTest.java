package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trust is the verifier's: every provider gives its answer, and a rejection sends no request. */
class TrustTest {
  private static final HeldCertificate LEAF = PKI.leaf();

  private static OkHttpClient client(TlsProvider provider, SecurityPolicy.Builder policy) {
    return HardenedOkHttp.newClient(policy.tlsProvider(provider).build());
  }

  private static MockWebServer serverWith(HeldCertificate leaf) throws IOException {
    MockWebServer server = Fixtures.httpsServer(PKI.serverCertificates(leaf).sslSocketFactory());
    server.enqueue(LoopbackServers.ok("trusted"));
    return server;
  }

  /** Every message in {@code e}'s cause chain, which is where providers put the verifier's words. */
  private static String messages(Throwable e) {
    StringBuilder result = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) result.append(t).append('\n');
    return result.toString();
  }

  private static String localhost(MockWebServer server) {
    return "https://localhost:" + server.getPort() + "/";
  }

  private static IOException assertRejected(OkHttpClient client, MockWebServer server, String url) {
    IOException e = assertThrows(IOException.class, () -> client.newCall(get(url)).execute());
    assertEquals(0, server.getRequestCount());
    return e;
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void trustsAChainToThePolicysRoot(TlsProvider provider) throws Exception {
    try (MockWebServer server = serverWith(LEAF)) {
      assertEquals("trusted", body(client(provider, PKI.policyBuilder()), get(server.url("/").toString())));
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void rejectsAChainToAnotherRoot(TlsProvider provider) throws Exception {
    try (MockWebServer server = serverWith(LEAF)) {
      assertRejected(client(provider, TestPki.create().policyBuilder()), server, server.url("/").toString());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void rejectsTheWrongHost(TlsProvider provider) throws Exception {
    try (MockWebServer server = serverWith(PKI.leaf("other.example"))) {
      assertRejected(client(provider, PKI.policyBuilder()), server, localhost(server));
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void rejectsAnExpiredCertificate(TlsProvider provider) throws Exception {
    long now = System.currentTimeMillis();
    HeldCertificate expired = new HeldCertificate.Builder()
        .addSubjectAlternativeName("127.0.0.1")
        .validityInterval(now - TimeUnit.DAYS.toMillis(10), now - TimeUnit.DAYS.toMillis(1))
        .signedBy(PKI.intermediate())
        .build();
    try (MockWebServer server = serverWith(expired)) {
      assertRejected(client(provider, PKI.policyBuilder()), server, server.url("/").toString());
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void acceptsAMatchingPin(TlsProvider provider) throws Exception {
    try (MockWebServer server = serverWith(LEAF)) {
      SecurityPolicy.Builder policy = PKI.policyBuilder()
          .pin("localhost", CertificatePinner.pin(PKI.intermediate().certificate()), "sha256/" + "B".repeat(42) + "E=");
      assertEquals("trusted", body(client(provider, policy), get(localhost(server))));
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void pinFailureReadsLikeOkHttpsAndListsThePins(TlsProvider provider) throws Exception {
    String pinned = "sha256/" + "A".repeat(43) + "=";
    String backup = "sha256/" + "B".repeat(42) + "E=";
    try (MockWebServer server = serverWith(LEAF)) {
      IOException e = assertRejected(client(provider, PKI.policyBuilder().pin("localhost", pinned, backup)), server,
          localhost(server));

      String messages = messages(e);
      assertTrue(messages.contains("Certificate pinning failure!"), messages);
      assertTrue(messages.contains(pinned) && messages.contains(backup), messages);
      assertTrue(messages.contains(CertificatePinner.pin(LEAF.certificate())), messages);
    }
  }
}
