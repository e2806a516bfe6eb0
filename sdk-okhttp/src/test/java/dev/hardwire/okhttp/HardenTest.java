package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What harden() keeps, replaces, wraps and refuses on a caller's builder. */
class HardenTest {
  private final RecordingListener events = new RecordingListener();
  private final SecurityPolicy policy = PKI.policyBuilder().eventListener(events).build();

  @Test
  void newClientRefusesCleartextAndTrustsOnlyThePolicy() throws Exception {
    OkHttpClient client = HardenedOkHttp.newClient(policy);
    assertThrows(CleartextRefusedException.class, () -> client.newCall(get("http://localhost/")).execute());
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("ok"));
      assertEquals("ok", body(client, get(server.url("/").toString())));
    }
  }

  @Test
  void replacesTheCallersTrustManagerHostnameVerifierAndConnectionSpecs() throws Exception {
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder()
        .sslSocketFactory(Fixtures.trustAllSocketFactory(), Fixtures.TRUST_ALL)
        .hostnameVerifier((host, session) -> true)
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT, ConnectionSpec.COMPATIBLE_TLS)), policy).build();

    assertNotSame(Fixtures.TRUST_ALL, client.x509TrustManager());
    assertEquals(1, client.connectionSpecs().size());
    try (MockWebServer impostor = Fixtures.httpsServer(TestPki.create().serverCertificates().sslSocketFactory())) {
      impostor.enqueue(LoopbackServers.ok("impostor"));
      assertThrows(IOException.class, () -> client.newCall(get(impostor.url("/").toString())).execute());
      assertEquals(0, impostor.getRequestCount());
    }
  }

  @Test
  void keepsTheCallersSettingsAndInterceptors() {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .readTimeout(7, TimeUnit.SECONDS)
        .addInterceptor(chain -> chain.proceed(chain.request()));

    OkHttpClient client = HardenedOkHttp.harden(builder, policy).build();

    assertEquals(7000, client.readTimeoutMillis());
    assertEquals(3, client.interceptors().size());
    assertEquals(1, client.networkInterceptors().size());
  }

  @Test
  void refusesABuilderWithCertificatePinsAndShowsThePolicyEquivalent() {
    String pin = "sha256/" + "A".repeat(43) + "=";
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .certificatePinner(new CertificatePinner.Builder().add("api.example.com", pin).build());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HardenedOkHttp.harden(builder, policy));

    assertTrue(e.getMessage().contains(".pin(\"api.example.com\", \"" + pin + "\")"), e.getMessage());
  }

  @Test
  void refusesToHardenTwice() {
    OkHttpClient.Builder builder = HardenedOkHttp.harden(new OkHttpClient.Builder(), policy);
    assertThrows(IllegalArgumentException.class, () -> HardenedOkHttp.harden(builder, policy));
  }

  @Test
  void composesTheCallersEventListener() throws Exception {
    List<String> callerEvents = new CopyOnWriteArrayList<>();
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override public void callEnd(Call call) {
        callerEvents.add("callEnd");
      }
    }), policy).build();
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("ok"));
      body(client, get(server.url("/").toString()));
    }
    assertEquals(List.of("callEnd"), callerEvents);
    assertEquals(1, events.events(SecurityEvent.Kind.TLS_NEGOTIATED).size());
  }

  @Test
  void derivedClientsKeepThePolicyAndShareTheConnectionPool() throws Exception {
    OkHttpClient client = HardenedOkHttp.newClient(policy);
    OkHttpClient derived = client.newBuilder().readTimeout(3, TimeUnit.SECONDS).build();
    assertSame(client.connectionPool(), derived.connectionPool());
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("one"));
      server.enqueue(LoopbackServers.ok("two"));

      body(client, get(server.url("/").toString()));
      body(derived, get(server.url("/").toString()));

      List<SecurityEvent> negotiated = events.events(SecurityEvent.Kind.TLS_NEGOTIATED);
      assertEquals(2, negotiated.size());
      assertTrue(negotiated.get(1).connectionReused());
    }
    assertThrows(CleartextRefusedException.class, () -> derived.newCall(get("http://localhost/")).execute());
  }
}
