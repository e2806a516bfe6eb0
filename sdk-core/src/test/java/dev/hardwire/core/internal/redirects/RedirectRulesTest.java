package dev.hardwire.core.internal.redirects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.url.UrlGuard;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectRulesTest {
  private static final URI FROM = URI.create("https://api.example.com/v1/items?token=abc");
  private final List<SecurityEvent> events = new ArrayList<>();
  private final EventDispatcher dispatcher = new EventDispatcher(
      Collections.<SecurityEventListener>singletonList(events::add), Clock.systemUTC());
  private final RedirectRules rules = new RedirectRules(new UrlGuard(CleartextMode.UPGRADE, dispatcher), 3,
      Collections.singleton("x-api-key"), Collections.singleton("x-scoped"), dispatcher);

  @Test
  void nonRedirectsAndMissingLocationAreHandedBack() throws Exception {
    assertNull(rules.next(FROM, "GET", 200, "https://x.example/", 0));
    assertNull(rules.next(FROM, "GET", 304, "https://x.example/", 0));
    assertNull(rules.next(FROM, "GET", 300, "https://x.example/", 0));
    assertNull(rules.next(FROM, "GET", 302, null, 0));
  }

  @Test
  void refusesDowngradeToHttpEvenWhenUpgradingRequests() {
    RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
        () -> rules.next(FROM, "GET", 302, "http://api.example.com/v1/items", 0));
    assertTrue(e.getMessage().contains("cleartext"), e.getMessage());
    assertFalse(e.getMessage().contains("token=abc"));
    assertEquals("DOWNGRADE", events.get(events.size() - 1).reason());
  }

  @Test
  void refusesOtherSchemesAndMalformedLocations() {
    assertThrows(RedirectRefusedException.class, () -> rules.next(FROM, "GET", 301, "ftp://files.example/", 0));
    assertThrows(RedirectRefusedException.class, () -> rules.next(FROM, "GET", 301, "ws://x.example/", 0));
    assertThrows(RedirectRefusedException.class, () -> rules.next(FROM, "GET", 301, "https://exa mple/", 0));
    assertThrows(RedirectRefusedException.class, () -> rules.next(FROM, "GET", 301, "https://u:p@x.example/", 0));
  }

  @Test
  void capsTheNumberOfHops() throws Exception {
    rules.next(FROM, "GET", 302, "/next", 2);
    RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
        () -> rules.next(FROM, "GET", 302, "/next", 3));
    assertTrue(e.getMessage().contains("maxRedirects(3)"), e.getMessage());
    assertEquals("TOO_MANY", events.get(events.size() - 1).reason());
  }

  @Test
  void resolvesRelativeLocations() throws Exception {
    assertEquals(URI.create("https://api.example.com/v2/x"), rules.next(FROM, "GET", 301, "/v2/x", 0).target());
    assertEquals(URI.create("https://api.example.com/v1/y"), rules.next(FROM, "GET", 301, "y", 0).target());
    assertEquals(URI.create("https://cdn.example.net/z"),
        rules.next(FROM, "GET", 301, "//cdn.example.net/z", 0).target());
  }

  @Test
  void sameOriginKeepsAuthorizationButReDecidesCredentials() throws Exception {
    RedirectHop hop = rules.next(FROM, "GET", 302, "/v1/other", 0);
    assertFalse(hop.crossOrigin());
    assertFalse(hop.dropsHeader("Authorization"));
    assertFalse(hop.dropsHeader("X-Api-Key"));
    assertTrue(hop.dropsHeader("X-Scoped"));
  }

  @Test
  void crossOriginDropsEverySensitiveHeader() throws Exception {
    RedirectHop hop = rules.next(FROM, "GET", 302, "https://other.example.net/", 0);
    assertTrue(hop.crossOrigin());
    for (String header : new String[] {"Authorization", "proxy-authorization", "COOKIE", "X-Api-Key", "x-scoped"}) {
      assertTrue(hop.dropsHeader(header), header);
    }
    assertFalse(hop.dropsHeader("Accept"));
    assertFalse(hop.dropsHeader("User-Agent"));
    assertEquals(SecurityEvent.Kind.REDIRECT_CROSS_ORIGIN, events.get(0).kind());
  }

  @Test
  void portOrSchemeChangeIsCrossOrigin() throws Exception {
    assertTrue(rules.next(FROM, "GET", 302, "https://api.example.com:8443/", 0).crossOrigin());
    assertFalse(rules.next(FROM, "GET", 302, "https://api.example.com:443/", 0).crossOrigin());
    assertTrue(rules.next(FROM, "GET", 302, "wss://api.example.com/", 0).crossOrigin());
  }

  @ParameterizedTest
  @CsvSource({
      "301, POST, GET, false", "302, POST, GET, false", "303, POST, GET, false", "303, PUT, GET, false",
      "303, HEAD, HEAD, true", "301, PUT, PUT, true", "302, DELETE, DELETE, true", "307, POST, POST, true",
      "308, POST, POST, true", "301, GET, GET, true",
  })
  void rewritesMethodsAsBrowsersDo(int status, String method, String expectedMethod, boolean keepsBody)
      throws Exception {
    RedirectHop hop = rules.next(FROM, method, status, "/next", 0);
    assertEquals(expectedMethod, hop.method());
    assertEquals(keepsBody, hop.keepsBody());
    assertEquals(!keepsBody, hop.dropsHeader("Content-Type"));
  }
}
