package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  @Test
  void attachesCredentialsToAMatchingHostOverTls() throws Exception {
    body(HardenedOkHttp.newClient(policy), get(localhost()));

    mockwebserver3.RecordedRequest recorded = server.takeRequest();
    assertEquals("Bearer " + TOKEN, recorded.getHeaders().get("Authorization"));
    assertEquals(KEY, recorded.getHeaders().get("X-Api-Key"));
  }

  @Test
  void sendsNothingToAHostOutsideTheScopeAndStripsCredentialHeadersSetByHand() throws Exception {
    Request request = new Request.Builder().url("https://127.0.0.1:" + server.getPort() + "/")
        .header("X-Api-Key", "copied-by-hand")
        .build();

    body(HardenedOkHttp.newClient(policy), request);

    mockwebserver3.RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get("Authorization"));
    assertNull(recorded.getHeaders().get("X-Api-Key"));
  }

  @Test
  void honoursTheCredentialsMethodScope() throws Exception {
    Request post = new Request.Builder().url(localhost())
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

    body(HardenedOkHttp.newClient(policy), post);

    mockwebserver3.RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get("Authorization"));
    assertEquals(KEY, recorded.getHeaders().get("X-Api-Key"));
  }

  @Test
  void attachesCredentialsToAWebSocketUpgrade() throws Exception {
    server.close();
    server = Fixtures.httpsServer();
    server.enqueue(new mockwebserver3.MockResponse.Builder().webSocketUpgrade(new okhttp3.WebSocketListener() { }).build());

    assertNull(Fixtures.webSocketFailure(HardenedOkHttp.newClient(policy), "wss://localhost:" + server.getPort() + "/"));

    mockwebserver3.RecordedRequest upgrade = server.takeRequest();
    assertEquals("websocket", upgrade.getHeaders().get("Upgrade"));
    assertEquals("Bearer " + TOKEN, upgrade.getHeaders().get("Authorization"));
  }

  @Test
  void anApplicationLoggingInterceptorNeverSeesCredentials() throws Exception {
    StringBuilder log = new StringBuilder();
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(line -> log.append(line).append('\n'));
    logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder().addInterceptor(logging), policy).build();

    body(client, get(localhost()));

    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));
    assertTrue(log.toString().contains("--> GET " + localhost()), log.toString());
    assertFalse(log.toString().contains(TOKEN), log.toString());
    assertFalse(log.toString().contains(KEY), log.toString());
  }

  @Test
  void aNetworkLoggingInterceptorRedactsTheRecommendedHeaders() throws Exception {
    StringBuilder log = new StringBuilder();
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(line -> log.append(line).append('\n'));
    logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
    for (String name : HardenedOkHttp.redactedHeaders(policy)) logging.redactHeader(name);
    OkHttpClient client = HardenedOkHttp.newClient(policy).newBuilder().addNetworkInterceptor(logging).build();

    body(client, get(localhost()));

    assertTrue(log.toString().contains("Authorization: ██"), log.toString());
    assertTrue(log.toString().contains("X-Api-Key: ██"), log.toString());
    assertFalse(log.toString().contains(TOKEN), log.toString());
    assertFalse(log.toString().contains(KEY), log.toString());
  }
}
