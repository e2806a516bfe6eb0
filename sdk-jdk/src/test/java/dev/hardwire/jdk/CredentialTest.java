package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.Fixtures.Kind;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialTest {
  private static final String TOKEN = "token-3f9a";
  private static final String KEY = "key-77c1";

  private final SecurityPolicy policy = PKI.policyBuilder()
      .credential(Credential.bearer("localhost", TOKEN).onlyForMethods("GET"))
      .credential(Credential.header("localhost", "X-Api-Key", KEY))
      .build();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.httpsServer();
    server.enqueue(LoopbackServers.ok("ok"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String localhost() {
    return "https://localhost:" + server.getPort() + "/";
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void attachesCredentialsToAMatchingHostOverTls(Kind kind) throws Exception {
    kind.client(policy).get(localhost());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("Bearer " + TOKEN, recorded.getHeaders().get("Authorization"));
    assertEquals(KEY, recorded.getHeaders().get("X-Api-Key"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sendsNothingToAHostOutsideTheScopeAndStripsCredentialHeadersSetByHand(Kind kind) throws Exception {
    kind.client(policy).send("GET", "https://127.0.0.1:" + server.getPort() + "/",
        Map.of("X-Api-Key", "copied-by-hand"), null);

    RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get("Authorization"));
    assertNull(recorded.getHeaders().get("X-Api-Key"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void overridesACredentialHeaderSetByHandInScope(Kind kind) throws Exception {
    kind.client(policy).send("GET", localhost(), Map.of("X-Api-Key", "copied-by-hand"), null);

    assertEquals(KEY, server.takeRequest().getHeaders().get("X-Api-Key"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void honoursTheCredentialsMethodScope(Kind kind) throws Exception {
    kind.client(policy).send("POST", localhost(), Map.of("Content-Type", "application/json"), "{}");

    RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get("Authorization"));
    assertEquals(KEY, recorded.getHeaders().get("X-Api-Key"));
  }

  @Test
  void attachesCredentialsToAWebSocketUpgrade() throws Exception {
    server.close();
    server = Fixtures.httpsServer();
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() { }).build());

    WebSocket webSocket = HardenedHttpClient.newClient(policy).newWebSocketBuilder()
        .header("X-Api-Key", "copied-by-hand")
        .buildAsync(URI.create("wss://localhost:" + server.getPort() + "/"), new WebSocket.Listener() { })
        .get(5, TimeUnit.SECONDS);
    webSocket.abort();

    RecordedRequest upgrade = server.takeRequest();
    assertEquals("websocket", upgrade.getHeaders().get("Upgrade"));
    assertEquals("Bearer " + TOKEN, upgrade.getHeaders().get("Authorization"));
    assertEquals(KEY, upgrade.getHeaders().get("X-Api-Key"));
  }
}
