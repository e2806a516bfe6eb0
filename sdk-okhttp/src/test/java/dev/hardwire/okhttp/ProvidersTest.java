package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.tls.TlsContext;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TestPki;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each provider on the class path works by choosing it in the policy, with nothing else to set up:
 * no global provider registration and, for Conscrypt, no {@code --add-opens} (this module's tests
 * run without it); and each offers the policy's protocols and suites in full.
 */
class ProvidersTest {
  /** TLS 1.3 with an RSA server certificate needs RSA-PSS signatures, which every provider must offer. */
  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void connectsOverTls13ToAnRsaServerOnEveryProvider(TlsProvider provider) throws Exception {
    TestPki rsa = TestPki.create(TestPki.KeyType.RSA_2048);
    try (MockWebServer server = Fixtures.httpsServer(rsa.serverCertificates().sslSocketFactory())) {
      server.enqueue(LoopbackServers.ok("rsa"));
      assertEquals("rsa", body(HardenedOkHttp.newClient(rsa.policyBuilder().tlsProvider(provider).build()),
          get(server.url("/").toString())));
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void connectsOnTheProviderThePolicyChose(TlsProvider provider) throws Exception {
    RecordingListener events = new RecordingListener();
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("chosen"));

      assertEquals("chosen", body(HardenedOkHttp.newClient(PKI.policyBuilder().tlsProvider(provider)
          .eventListener(events).build()), get(server.url("/").toString())));

      assertEquals(provider.name(), events.events(SecurityEvent.Kind.TLS_NEGOTIATED).get(0).provider());
    }
  }

  /**
   * Core keeps the policy's suites a provider supports, by their standard names: a provider that
   * spelled one differently, or dropped one, would shrink the list silently. All three have all.
   */
  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void offersEveryProtocolAndSuiteOfThePolicy(TlsProvider provider) {
    SecurityPolicy policy = SecurityPolicy.builder()
        .tlsProvider(provider)
        .minimumTlsVersion(TlsVersion.TLS_1_2)
        .build();

    TlsContext tls = PolicyEnforcer.of(policy).tls();

    assertEquals(policy.enabledProtocols(), tls.protocols());
    assertEquals(policy.enabledCipherSuites(), tls.cipherSuites());
  }

  /**
   * Conscrypt reads java.net internals (and so needs {@code --add-opens java.base/java.net=ALL-UNNAMED})
   * only for a socket that has no host name string. Hardwire's sockets always have one.
   */
  @Test
  void runsWithoutJavaNetOpened() {
    assertFalse(Object.class.getModule().isOpen("java.net", ProvidersTest.class.getModule()),
        "this suite must run without --add-opens java.base/java.net=ALL-UNNAMED to prove Conscrypt needs none");
  }
}
