package dev.hardwire.core.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {
  private static final String TOKEN = "tok-canary-7f3a";
  private final List<SecurityEvent> events = new ArrayList<>();

  private CredentialScope scope(Credential... credentials) {
    return new CredentialScope(Arrays.asList(credentials), new EventDispatcher(
        Collections.<SecurityEventListener>singletonList(events::add), Clock.systemUTC()));
  }

  @Test
  void attachesOnlyToMatchingHttpsHosts() {
    CredentialScope scope = scope(Credential.bearer("api.example.com", TOKEN));
    assertEquals(1, scope.forHop(URI.create("https://api.example.com/v1"), "GET", null).size());
    assertEquals(1, scope.forHop(URI.create("https://API.EXAMPLE.COM./v1"), "GET", null).size());
    assertTrue(scope.forHop(URI.create("https://other.example.com/v1"), "GET", null).isEmpty());
    assertTrue(scope.forHop(URI.create("http://api.example.com/v1"), "GET", null).isEmpty());
    assertTrue(scope.forHop(URI.create("https://api.example.com.evil.example/"), "GET", null).isEmpty());
    assertTrue(events.isEmpty(), "unrelated hosts are not 'withheld': " + events);
  }

  @Test
  void methodAndPathRestrictionsWithholdWithAnEvent() {
    Credential readOnly = Credential.header("**.example.com", "X-Api-Key", TOKEN)
        .onlyForMethods("GET", "head")
        .onlyUnderPath("/v1/reports");
    CredentialScope scope = scope(readOnly);
    assertEquals(1, scope.forHop(URI.create("https://a.example.com/v1/reports/7"), "GET", null).size());
    assertEquals(1, scope.forHop(URI.create("https://example.com/v1/reports"), "HEAD", null).size());
    assertTrue(scope.forHop(URI.create("https://a.example.com/v1/reports/7"), "DELETE", null).isEmpty());
    assertTrue(scope.forHop(URI.create("https://a.example.com/v1/reportsX"), "GET", null).isEmpty());
    assertTrue(scope.forHop(URI.create("https://a.example.com/v2/reports"), "GET", null).isEmpty());
    assertEquals(3, events.size());
    for (SecurityEvent event : events) {
      assertEquals(SecurityEvent.Kind.CREDENTIAL_WITHHELD, event.kind());
      assertEquals("OUT_OF_SCOPE", event.reason());
      assertEquals("**.example.com", event.hostPattern());
      assertFalse(event.toString().contains(TOKEN));
      assertFalse(event.message().contains(TOKEN));
    }
  }

  @Test
  void crossHostRedirectWithholdsTheFirstHostsCredential() {
    CredentialScope scope = scope(Credential.bearer("api.example.com", TOKEN));
    assertTrue(scope.forHop(URI.create("https://cdn.example.net/file"), "GET",
        URI.create("https://api.example.com/download")).isEmpty());
    assertEquals("CROSS_HOST_REDIRECT", events.get(0).reason());
  }

  @Test
  void headerNamesCoverEveryCredential() {
    CredentialScope scope = scope(Credential.bearer("a.example.com", TOKEN),
        Credential.header("b.example.com", "X-Api-Key", TOKEN));
    assertEquals(new java.util.LinkedHashSet<>(Arrays.asList("authorization", "x-api-key")), scope.headerNames());
  }
}
