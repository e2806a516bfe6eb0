package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleartextTest {
  private final RecordingListener events = new RecordingListener();
  private final Fixtures.RecordingDns dns = new Fixtures.RecordingDns();
  private CleartextTrap trap;

  @BeforeEach
  void startTrap() throws IOException {
    trap = CleartextTrap.start();
  }

  @AfterEach
  void closeTrap() throws IOException {
    trap.close();
  }

  private OkHttpClient client(CleartextMode mode) {
    return HardenedOkHttp.harden(new OkHttpClient.Builder().dns(dns),
        PKI.policyBuilder().cleartextMode(mode).eventListener(events).build()).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "HTTP", "HtTp"})
  void refusesHttpBeforeDnsOrSocket(String scheme) throws Exception {
    OkHttpClient client = client(CleartextMode.REFUSE);
    String url = scheme + "://trap.localhost:" + trap.port() + "/items?token=secret";

    CleartextRefusedException e = assertThrows(CleartextRefusedException.class,
        () -> client.newCall(get(url)).execute());

    assertTrue(e.getMessage().contains("Use https://trap.localhost:" + trap.port() + "/items"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertTrue(dns.lookups.isEmpty(), "DNS lookups: " + dns.lookups);
    assertEquals(0, trap.connections());
    assertEquals(1, events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).size());
    assertFalse(events.allText().contains("secret"));
  }

  @Test
  void refusesHttpOnEnqueueToo() throws Exception {
    OkHttpClient client = client(CleartextMode.REFUSE);
    AtomicReference<IOException> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    client.newCall(get(trap.url("http", "/"))).enqueue(new okhttp3.Callback() {
      @Override public void onFailure(okhttp3.Call call, IOException e) {
        failure.set(e);
        done.countDown();
      }

      @Override public void onResponse(okhttp3.Call call, Response response) {
        response.close();
        done.countDown();
      }
    });
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertTrue(failure.get() instanceof CleartextRefusedException, String.valueOf(failure.get()));
    assertEquals(0, trap.connections());
  }

  @Test
  void refusesWsWebSocketBeforeDnsOrSocket() throws Exception {
    OkHttpClient client = client(CleartextMode.REFUSE);
    Throwable failure = Fixtures.webSocketFailure(client, "ws://trap.localhost:" + trap.port() + "/socket");

    assertTrue(failure instanceof CleartextRefusedException, String.valueOf(failure));
    assertTrue(failure.getMessage().contains("wss://"), failure.getMessage());
    assertTrue(dns.lookups.isEmpty(), "DNS lookups: " + dns.lookups);
    assertEquals(0, trap.connections());
    assertEquals("WS", events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).get(0).reason());
  }

  @Test
  void upgradeModeRewritesHttpToHttpsBeforeSending() throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("upgraded"));
      OkHttpClient client = client(CleartextMode.UPGRADE);

      assertEquals("upgraded", body(client, get("http://localhost:" + server.getPort() + "/a?b=c")));

      mockwebserver3.RecordedRequest recorded = server.takeRequest();
      assertEquals("https", recorded.getUrl().scheme());
      assertEquals("/a?b=c", recorded.getTarget());
      assertEquals(1, events.events(SecurityEvent.Kind.CLEARTEXT_UPGRADED).size());
    }
  }

  @Test
  void allowsHttps() throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("hello"));
      assertEquals("hello", body(client(CleartextMode.REFUSE), get(server.url("/").toString())));
      assertEquals(1, events.events(SecurityEvent.Kind.REQUEST_ALLOWED).size());
    }
  }

  /**
   * HttpUrl keeps characters in a query that java.net.URI refuses; the guard gets the URL
   * re-encoded then, and the request goes out as the caller wrote it.
   */
  @Test
  void allowsHttpsWithCharactersUriRefuses() throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("hello"));
      String url = server.url("/").toString() + "search?q={a|b}^`";
      assertEquals("hello", body(client(CleartextMode.REFUSE), get(url)));
      assertEquals("/search?q={a|b}^`", server.takeRequest().getTarget());
      assertEquals(1, events.events(SecurityEvent.Kind.REQUEST_ALLOWED).size());
    }
  }

  @Test
  void guardsAUrlThatAnInterceptorBeforeHardenRewrote() throws Exception {
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder().dns(dns)
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .url("http://trap.localhost:" + trap.port() + "/rewritten").build())),
        PKI.policyBuilder().eventListener(events).build()).build();

    assertThrows(CleartextRefusedException.class, () -> client.newCall(get("https://localhost:1/")).execute());

    assertTrue(dns.lookups.isEmpty(), "DNS lookups: " + dns.lookups);
    assertEquals(0, trap.connections());
    assertEquals(1, events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).size());
  }

  @Test
  void aCleartextRewriteAfterTheGuardsStillConnectsNowhere() throws Exception {
    // An interceptor added to a derived client runs after Hardwire's: only the connection specs stand.
    OkHttpClient client = client(CleartextMode.REFUSE).newBuilder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .url(trap.url("http", "/rewritten")).build()))
        .build();

    IOException e = assertThrows(IOException.class, () -> client.newCall(get("https://localhost:1/")).execute());

    assertTrue(e.getMessage().contains("CLEARTEXT"), e.getMessage());
    assertEquals(0, trap.connections());
  }

  @Test
  void connectionSpecsNeverIncludeCleartext() {
    OkHttpClient client = HardenedOkHttp.harden(
        new OkHttpClient.Builder().connectionSpecs(java.util.Arrays.asList(ConnectionSpec.CLEARTEXT,
            ConnectionSpec.COMPATIBLE_TLS)),
        PKI.policyBuilder().build()).build();

    assertEquals(1, client.connectionSpecs().size());
    ConnectionSpec spec = client.connectionSpecs().get(0);
    assertTrue(spec.isTls());
    assertEquals(java.util.Collections.singletonList(okhttp3.TlsVersion.TLS_1_3), spec.tlsVersions());
  }
}
