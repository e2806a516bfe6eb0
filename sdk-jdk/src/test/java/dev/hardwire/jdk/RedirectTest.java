package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static dev.hardwire.testing.LoopbackServers.ok;
import static dev.hardwire.testing.LoopbackServers.redirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.Fixtures.Kind;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TwoOrigins;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesRedirectToHttp(Kind kind) throws Exception {
    try (CleartextTrap trap = CleartextTrap.start()) {
      a.enqueue(redirect(302, trap.url("http", "/downgraded?token=secret")));

      RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
          () -> kind.client(policy().build()).get(origins.aUrl("/start")));

      assertTrue(e.getMessage().contains("cleartext"), e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
      assertEquals(0, trap.connections());
      assertEquals("DOWNGRADE", events.events(SecurityEvent.Kind.REDIRECT_REFUSED).get(0).reason());
    }
  }

  /** The JDK itself follows https to http under Redirect.ALWAYS; Hardwire never does. */
  @Test
  void refusesRedirectToHttpUnderRedirectAlways() throws Exception {
    try (CleartextTrap trap = CleartextTrap.start()) {
      a.enqueue(redirect(301, trap.url("http", "/downgraded")));
      HttpClient client = HardenedHttpClient.newBuilder(policy().build())
          .followRedirects(HttpClient.Redirect.ALWAYS).build();

      assertThrows(RedirectRefusedException.class,
          () -> client.send(Fixtures.get(origins.aUrl("/start")), HttpResponse.BodyHandlers.ofString()));

      assertEquals(0, trap.connections());
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void followsCrossHostRedirectWithoutCredentialsCookiesOrSensitiveHeaders(Kind kind) throws Exception {
    a.enqueue(redirect(302, origins.bUrl("/landing")));
    b.enqueue(ok("landed"));
    Fixtures.Client client = kind.client(policy()
        .credential(Credential.bearer("localhost", "token-for-a"))
        .credential(Credential.header("localhost", "X-Api-Key", "key-for-a"))
        .sensitiveHeaders("X-Session")
        .build());

    assertEquals("landed", client.send("GET", origins.aUrl("/start"),
        Map.of("Cookie", "session=a-only", "X-Session", "a-session", "Accept", "text/plain"), null).body);

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

  @ParameterizedTest
  @EnumSource(Kind.class)
  void decidesCredentialsAgainOnEveryHop(Kind kind) throws Exception {
    a.enqueue(redirect(307, origins.bUrl("/b")));
    b.enqueue(ok("b"));

    assertEquals("b", kind.client(policy().credential(Credential.header("127.0.0.1", "X-Api-Key", "key-for-b"))
        .build()).get(origins.aUrl("/a")).body);

    assertNull(a.takeRequest().getHeaders().get("X-Api-Key"));
    assertEquals("key-for-b", b.takeRequest().getHeaders().get("X-Api-Key"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sameOriginRedirectKeepsCredentials(Kind kind) throws Exception {
    a.enqueue(redirect(301, "/moved"));
    a.enqueue(ok("moved"));

    assertEquals("moved", kind.client(policy().credential(Credential.bearer("localhost", "token-for-a")).build())
        .get(origins.aUrl("/old")).body);

    assertEquals("Bearer token-for-a", a.takeRequest().getHeaders().get("Authorization"));
    RecordedRequest second = a.takeRequest();
    assertEquals("/moved", second.getTarget());
    assertEquals("Bearer token-for-a", second.getHeaders().get("Authorization"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void keepsMethodAndBodyOn307AndSwitchesToGetOn303(Kind kind) throws Exception {
    a.enqueue(redirect(307, "/again"));
    a.enqueue(redirect(303, "/result"));
    a.enqueue(ok("done"));

    assertEquals("done", kind.client(policy().build()).send("POST", origins.aUrl("/submit"),
        Map.of("Content-Type", "text/plain"), "payload").body);

    assertEquals("payload", a.takeRequest().getBody().utf8());
    RecordedRequest again = a.takeRequest();
    assertEquals("POST", again.getMethod());
    assertEquals("payload", again.getBody().utf8());
    assertEquals("text/plain", again.getHeaders().get("Content-Type"));
    RecordedRequest result = a.takeRequest();
    assertEquals("GET", result.getMethod());
    assertEquals(0, result.getBodySize());
    assertNull(result.getHeaders().get("Content-Type"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void returnsTheRedirectWhenTheCallerTurnedFollowingOff(Kind kind) throws Exception {
    a.enqueue(redirect(302, origins.bUrl("/elsewhere")));

    assertEquals(302, kind.client(policy().build(), false).get(origins.aUrl("/start")).code);

    assertEquals(0, b.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesTooManyRedirects(Kind kind) throws Exception {
    for (int i = 0; i < 3; i++) a.enqueue(redirect(302, "/loop"));

    assertThrows(RedirectRefusedException.class, () -> kind.client(policy().maxRedirects(2).build())
        .get(origins.aUrl("/loop")));

    assertEquals(3, a.getRequestCount());
    assertEquals("TOO_MANY", events.events(SecurityEvent.Kind.REDIRECT_REFUSED).get(0).reason());
  }

  @Test
  void responseShowsTheHopsWithoutTheCredentialsHardwireAttached() throws Exception {
    a.enqueue(redirect(302, "/next?page=2"));
    a.enqueue(ok("last"));
    HttpClient client = HardenedHttpClient.newBuilder(policy()
        .credential(Credential.bearer("localhost", "token-for-a")).build())
        .followRedirects(HttpClient.Redirect.NORMAL).build();

    HttpResponse<String> response = client.send(Fixtures.get(origins.aUrl("/first")), HttpResponse.BodyHandlers.ofString());

    assertEquals("last", response.body());
    assertEquals(URI.create(origins.aUrl("/next?page=2")), response.uri());
    assertEquals(URI.create(origins.aUrl("/next?page=2")), response.request().uri());
    assertFalse(response.request().headers().firstValue("Authorization").isPresent());
    HttpResponse<String> previous = response.previousResponse().orElseThrow();
    assertEquals(302, previous.statusCode());
    assertNull(previous.body());
    assertEquals(URI.create(origins.aUrl("/first")), previous.uri());
    assertFalse(previous.previousResponse().isPresent());
    assertEquals(HttpClient.Redirect.NORMAL, client.followRedirects());
  }

  @Test
  void reSendsAFileBodyOn308() throws Exception {
    a.enqueue(redirect(308, origins.bUrl("/b")));
    b.enqueue(ok("stored"));
    java.nio.file.Path file = java.nio.file.Files.createTempFile("hardwire", ".txt");
    java.nio.file.Files.writeString(file, "file body");
    HttpClient client = HardenedHttpClient.newBuilder(policy().build())
        .followRedirects(HttpClient.Redirect.NORMAL).build();

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(origins.aUrl("/upload")))
        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals("stored", response.body());
    assertEquals("file body", a.takeRequest().getBody().utf8());
    RecordedRequest resent = b.takeRequest();
    assertEquals("PUT", resent.getMethod());
    assertEquals("file body", resent.getBody().utf8());
    java.nio.file.Files.delete(file);
  }

  @Test
  void urlConnectionRefusesARedirectThatMustResendAStreamedBody() throws Exception {
    a.enqueue(redirect(307, origins.bUrl("/b")));
    HttpsURLConnection connection = HardenedUrlConnection.open(new URL(origins.aUrl("/upload")), policy().build());
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(4);
    try (OutputStream out = connection.getOutputStream()) {
      out.write("data".getBytes(StandardCharsets.UTF_8));
    }

    assertThrows(HttpRetryException.class, connection::getResponseCode);

    assertEquals(0, b.getRequestCount());
  }

  @Test
  void urlConnectionReportsTheLastHopsUrl() throws Exception {
    a.enqueue(redirect(302, origins.bUrl("/landing")));
    b.enqueue(ok("landed"));
    HttpsURLConnection connection = HardenedUrlConnection.open(new URL(origins.aUrl("/start")), policy().build());

    assertEquals(200, connection.getResponseCode());
    assertEquals(new URL(origins.bUrl("/landing")), connection.getURL());
    assertEquals("landed", Fixtures.read(connection.getInputStream()));
  }
}
