package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.body;
import static dev.hardwire.okhttp.Fixtures.get;
import static dev.hardwire.testing.LoopbackServers.ok;
import static dev.hardwire.testing.LoopbackServers.redirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TwoOrigins;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server "a" is reached as localhost, server "b" as 127.0.0.1: two hosts, two origins. */
class RedirectTest {
  private final RecordingListener events = new RecordingListener();
  private final TwoOrigins origins = TwoOrigins.start(PKI.serverCertificates().sslSocketFactory());
  private final MockWebServer a = origins.a;
  private final MockWebServer b = origins.b;

  @AfterEach
  void stop() {
    origins.close();
  }

  private SecurityPolicy.Builder policy() {
    return PKI.policyBuilder().eventListener(events);
  }

  private static OkHttpClient client(SecurityPolicy policy) {
    return HardenedOkHttp.newClient(policy);
  }

  @Test
  void refusesRedirectToHttp() throws Exception {
    try (CleartextTrap trap = CleartextTrap.start()) {
      a.enqueue(redirect(302, trap.url("http", "/downgraded?token=secret")));

      RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
          () -> client(policy().build()).newCall(get(origins.aUrl("/start"))).execute());

      assertTrue(e.getMessage().contains("cleartext"), e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
      assertEquals(0, trap.connections());
      assertEquals("DOWNGRADE", events.events(SecurityEvent.Kind.REDIRECT_REFUSED).get(0).reason());
    }
  }

  @Test
  void followsCrossHostRedirectWithoutCredentialsCookiesOrSensitiveHeaders() throws Exception {
    a.enqueue(redirect(302, origins.bUrl("/landing")));
    b.enqueue(ok("landed"));
    OkHttpClient client = client(policy()
        .credential(Credential.bearer("localhost", "token-for-a"))
        .credential(Credential.header("localhost", "X-Api-Key", "key-for-a"))
        .sensitiveHeaders("X-Session")
        .build());
    Request request = new Request.Builder().url(origins.aUrl("/start"))
        .header("Cookie", "session=a-only")
        .header("X-Session", "a-session")
        .header("Accept", "text/plain")
        .build();

    assertEquals("landed", body(client, request));

    RecordedRequest first = a.takeRequest();
    assertEquals("Bearer token-for-a", first.getHeaders().get("Authorization"));
    assertEquals("key-for-a", first.getHeaders().get("X-Api-Key"));
    RecordedRequest second = b.takeRequest();
    assertEquals("/landing", second.getTarget());
    assertNull(second.getHeaders().get("Authorization"));
    assertNull(second.getHeaders().get("X-Api-Key"));
    assertNull(second.getHeaders().get("Cookie"));
    assertNull(second.getHeaders().get("X-Session"));
    assertEquals("text/plain", second.getHeaders().get("Accept"));
    assertEquals(1, events.events(SecurityEvent.Kind.REDIRECT_CROSS_ORIGIN).size());
    assertEquals(2, events.events(SecurityEvent.Kind.CREDENTIAL_WITHHELD).size());
    assertFalse(events.allText().contains("token-for-a"));
  }

  @Test
  void decidesCredentialsAgainOnEveryHop() throws Exception {
    a.enqueue(redirect(307, origins.bUrl("/b")));
    b.enqueue(ok("b"));
    OkHttpClient client = client(policy().credential(Credential.header("127.0.0.1", "X-Api-Key", "key-for-b")).build());

    assertEquals("b", body(client, get(origins.aUrl("/a"))));

    assertNull(a.takeRequest().getHeaders().get("X-Api-Key"));
    assertEquals("key-for-b", b.takeRequest().getHeaders().get("X-Api-Key"));
  }

  @Test
  void sameOriginRedirectKeepsCredentials() throws Exception {
    a.enqueue(redirect(301, "/moved"));
    a.enqueue(ok("moved"));
    OkHttpClient client = client(policy().credential(Credential.bearer("localhost", "token-for-a")).build());

    assertEquals("moved", body(client, get(origins.aUrl("/old"))));

    assertEquals("Bearer token-for-a", a.takeRequest().getHeaders().get("Authorization"));
    RecordedRequest second = a.takeRequest();
    assertEquals("/moved", second.getTarget());
    assertEquals("Bearer token-for-a", second.getHeaders().get("Authorization"));
  }

  @Test
  void keepsMethodAndBodyOn307AndSwitchesToGetOn303() throws Exception {
    a.enqueue(redirect(307, "/again"));
    a.enqueue(redirect(303, "/result"));
    a.enqueue(ok("done"));
    Request post = new Request.Builder().url(origins.aUrl("/submit"))
        .post(RequestBody.create("payload", MediaType.get("text/plain"))).build();

    assertEquals("done", body(client(policy().build()), post));

    a.takeRequest();
    RecordedRequest again = a.takeRequest();
    assertEquals("POST", again.getMethod());
    assertEquals("payload", again.getBody().utf8());
    RecordedRequest result = a.takeRequest();
    assertEquals("GET", result.getMethod());
    assertNull(result.getHeaders().get("Content-Type"));
  }

  @Test
  void returnsTheRedirectWhenTheCallerTurnedFollowingOff() throws Exception {
    a.enqueue(redirect(302, origins.bUrl("/elsewhere")));
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder().followRedirects(false),
        policy().build()).build();

    try (Response response = client.newCall(get(origins.aUrl("/start"))).execute()) {
      assertEquals(302, response.code());
    }
    assertEquals(0, b.getRequestCount());
  }

  @Test
  void refusesTooManyRedirects() throws Exception {
    for (int i = 0; i < 3; i++) a.enqueue(redirect(302, "/loop"));
    OkHttpClient client = client(policy().maxRedirects(2).build());

    assertThrows(RedirectRefusedException.class, () -> client.newCall(get(origins.aUrl("/loop"))).execute());
    assertEquals(3, a.getRequestCount());
  }

  @Test
  void authenticatorRetryStaysOnTheChallengedOrigin() throws Exception {
    a.enqueue(new MockResponse.Builder().code(401).build());
    a.enqueue(ok("authorized"));
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder()
            .authenticator((route, response) -> response.request().newBuilder().header("X-Answer", "42").build()),
        policy().credential(Credential.bearer("localhost", "token-for-a")).build()).build();

    assertEquals("authorized", body(client, get(origins.aUrl("/private"))));

    a.takeRequest();
    RecordedRequest retry = a.takeRequest();
    assertEquals("42", retry.getHeaders().get("X-Answer"));
    assertEquals("Bearer token-for-a", retry.getHeaders().get("Authorization"));
  }

  @Test
  void refusesAnAuthenticatorRetryToAnotherHost() throws Exception {
    a.enqueue(new MockResponse.Builder().code(401).build());
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder()
            .authenticator((route, response) -> response.request().newBuilder().url(origins.bUrl("/steal")).build()),
        policy().credential(Credential.bearer("localhost", "token-for-a")).build()).build();

    RequestRefusedException e = assertThrows(RequestRefusedException.class,
        () -> client.newCall(get(origins.aUrl("/private"))).execute());

    assertTrue(e.getMessage().contains("Authenticator"), e.getMessage());
    assertEquals(0, b.getRequestCount());
    assertEquals("AUTHENTICATOR_CROSS_ORIGIN", events.events(SecurityEvent.Kind.REDIRECT_REFUSED).get(0).reason());
  }
}
