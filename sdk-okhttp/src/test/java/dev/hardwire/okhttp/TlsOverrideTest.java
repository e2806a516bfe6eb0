package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockWebServer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OkHttp 5 lets interceptors and derived clients swap TLS settings per call. Against a server whose
 * certificate the policy rejects (another PKI), every way of loosening must fail before an HTTP
 * request reaches the server.
 */
class TlsOverrideTest {
  private static final Interceptor TRUST_ALL = chain -> chain
      .withSslSocketFactory(Fixtures.trustAllSocketFactory(), Fixtures.TRUST_ALL)
      .withHostnameVerifier((host, session) -> true)
      .proceed(chain.request());

  private final RecordingListener events = new RecordingListener();
  private final SecurityPolicy policy = PKI.policyBuilder().eventListener(events).build();
  private MockWebServer impostor;

  @BeforeEach
  void start() throws IOException {
    impostor = Fixtures.httpsServer(TestPki.create().serverCertificates().sslSocketFactory());
    impostor.enqueue(LoopbackServers.ok("impostor"));
  }

  @AfterEach
  void stop() {
    impostor.close();
  }

  private void assertRefusedWithoutRequest(OkHttpClient client) {
    RequestRefusedException e = assertThrows(RequestRefusedException.class,
        () -> client.newCall(get(impostor.url("/").toString())).execute());
    assertTrue(e.getMessage().contains("not made under the SecurityPolicy"), e.getMessage());
    assertEquals(0, impostor.getRequestCount());
    assertEquals("NOT_VERIFIED_BY_POLICY", events.events(SecurityEvent.Kind.CERTIFICATE_REJECTED).get(0).reason());
  }

  @Test
  void rejectsTheImpostorWithoutOverrides() {
    OkHttpClient client = HardenedOkHttp.newClient(policy);
    assertThrows(SSLHandshakeException.class, () -> client.newCall(get(impostor.url("/").toString())).execute());
    assertEquals(0, impostor.getRequestCount());
  }

  @Test
  void refusesAnInterceptorThatSwapsTlsSettingsBeforeConnecting() {
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder().addInterceptor(TRUST_ALL), policy).build();
    assertRefusedWithoutRequest(client);
  }

  @Test
  void refusesAnInterceptorAddedToADerivedClientOnTheConnectionUsed() {
    OkHttpClient client = HardenedOkHttp.newClient(policy).newBuilder().addInterceptor(TRUST_ALL).build();
    assertRefusedWithoutRequest(client);
  }

  @Test
  void refusesADerivedClientWithAnotherSocketFactory() {
    OkHttpClient client = HardenedOkHttp.newClient(policy).newBuilder()
        .sslSocketFactory(Fixtures.trustAllSocketFactory(), Fixtures.TRUST_ALL)
        .hostnameVerifier((host, session) -> true)
        .build();
    assertRefusedWithoutRequest(client);
  }

  @Test
  void socketFactorySwapAloneStillFailsTheHostnameVerifierForWebSockets() throws Exception {
    // OkHttp runs no network interceptors for WebSockets: the policy's hostname verifier is the check.
    OkHttpClient client = HardenedOkHttp.newClient(policy).newBuilder()
        .addInterceptor(chain -> chain.withSslSocketFactory(Fixtures.trustAllSocketFactory(), Fixtures.TRUST_ALL)
            .proceed(chain.request()))
        .build();
    Throwable failure = Fixtures.webSocketFailure(client, "wss://127.0.0.1:" + impostor.getPort() + "/");

    assertTrue(failure instanceof javax.net.ssl.SSLPeerUnverifiedException, String.valueOf(failure));
    assertEquals(0, impostor.getRequestCount());
  }
}
