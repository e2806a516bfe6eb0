package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.Fixtures.Kind;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CleartextTest {
  private final RecordingListener events = new RecordingListener();
  private CleartextTrap trap;

  @BeforeEach
  void startTrap() throws IOException {
    trap = CleartextTrap.start();
  }

  @AfterEach
  void closeTrap() throws IOException {
    trap.close();
  }

  private SecurityPolicy policy(CleartextMode mode) {
    return PKI.policyBuilder().cleartextMode(mode).eventListener(events).build();
  }

  private void assertRefusedBeforeAnySocket(CleartextRefusedException e) {
    assertTrue(e.getMessage().contains("Use https://localhost:" + trap.port() + "/items"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertEquals(0, trap.connections());
    assertEquals(1, events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).size());
    assertFalse(events.allText().contains("secret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "HTTP", "HtTp"})
  void sendRefusesHttpBeforeAnySocket(String scheme) {
    HttpClient client = HardenedHttpClient.newClient(policy(CleartextMode.REFUSE));
    String url = scheme + "://localhost:" + trap.port() + "/items?token=secret";

    assertRefusedBeforeAnySocket(assertThrows(CleartextRefusedException.class,
        () -> client.send(Fixtures.get(url), HttpResponse.BodyHandlers.ofString())));
  }

  @Test
  void sendAsyncRefusesHttpWithAFailedFutureNotAThrow() {
    HttpClient client = HardenedHttpClient.newClient(policy(CleartextMode.REFUSE));

    CompletableFuture<HttpResponse<String>> future = client.sendAsync(
        Fixtures.get("http://localhost:" + trap.port() + "/items?token=secret"), HttpResponse.BodyHandlers.ofString());

    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertRefusedBeforeAnySocket((CleartextRefusedException) e.getCause());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "HTTP"})
  void urlConnectionRefusesHttpBeforeAnySocket(String scheme) {
    assertRefusedBeforeAnySocket(assertThrows(CleartextRefusedException.class, () -> HardenedUrlConnection.open(
        new URL(scheme + "://localhost:" + trap.port() + "/items?token=secret"), policy(CleartextMode.REFUSE))));
  }

  @Test
  void refusesWsWebSocketWithAFailedFuture() {
    HttpClient client = HardenedHttpClient.newClient(policy(CleartextMode.REFUSE));

    CompletableFuture<WebSocket> future = client.newWebSocketBuilder()
        .buildAsync(URI.create("ws://localhost:" + trap.port() + "/socket"), new WebSocket.Listener() { });

    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertTrue(e.getCause() instanceof CleartextRefusedException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("wss://"), e.getCause().getMessage());
    assertEquals(0, trap.connections());
    assertEquals("WS", events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).get(0).reason());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void upgradeModeRewritesHttpToHttpsBeforeSending(Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("upgraded"));

      assertEquals("upgraded", kind.client(policy(CleartextMode.UPGRADE))
          .get("http://localhost:" + server.getPort() + "/a?b=c").body);

      RecordedRequest recorded = server.takeRequest();
      assertEquals("https", recorded.getUrl().scheme());
      assertEquals("/a?b=c", recorded.getTarget());
      assertEquals(1, events.events(SecurityEvent.Kind.CLEARTEXT_UPGRADED).size());
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void allowsHttps(Kind kind) throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("hello"));

      assertEquals("hello", kind.client(policy(CleartextMode.REFUSE)).get(server.url("/").toString()).body);

      assertEquals(1, events.events(SecurityEvent.Kind.REQUEST_ALLOWED).size());
      assertEquals(0, events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).size());
    }
  }

  /** java.net.http's HttpRequest admits http and https only; a URL can name any scheme. */
  @Test
  void urlConnectionRefusesOtherSchemesEvenWhenUpgrading() {
    IOException e = assertThrows(IOException.class, () -> HardenedUrlConnection.open(
        new URL("ftp://localhost:" + trap.port() + "/file"), policy(CleartextMode.UPGRADE)));

    assertTrue(e instanceof CleartextRefusedException, String.valueOf(e));
    assertEquals(0, trap.connections());
    assertEquals("FTP", events.events(SecurityEvent.Kind.CLEARTEXT_REFUSED).get(0).reason());
  }
}
