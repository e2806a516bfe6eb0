package dev.hardwire.core.internal.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
  private final List<SecurityEvent> events = new ArrayList<>();
  private final EventDispatcher dispatcher = new EventDispatcher(
      Collections.<SecurityEventListener>singletonList(events::add), Clock.systemUTC());

  private UrlGuard guard(CleartextMode mode) {
    return new UrlGuard(mode, dispatcher);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://api.example.com/v1/items",
      "HTTPS://API.EXAMPLE.COM/",
      "  https://api.example.com/padded  ",
      "https://127.0.0.1:8443/",
      "https://[::1]:8443/path",
      "https://[2001:db8::1]/",
      "https://xn--bcher-kva.example/",
      "wss://stream.example.com/socket",
  })
  void allowsHttpsAndWss(String url) throws Exception {
    URI uri = guard(CleartextMode.REFUSE).checkRequest(url);
    assertTrue(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("wss"));
    assertEquals(SecurityEvent.Kind.REQUEST_ALLOWED, events.get(0).kind());
  }

  @Test
  void returnsTheCallersUriWhenItPassesUnchanged() throws Exception {
    URI uri = URI.create("https://api.example.com/v1/items?id=42");
    assertTrue(uri == guard(CleartextMode.REFUSE).checkRequest(uri));
    assertEquals("https://api.example.com/v1/items", events.get(0).url());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://api.example.com/",
      "HTTP://api.example.com/",
      "hTTp://api.example.com/",
      "  http://api.example.com/",
      "\thttp://api.example.com/",
      "http:/api.example.com",
      "http:api.example.com",
      "ws://stream.example.com/",
      "WS://stream.example.com/",
      "ftp://files.example.com/",
      "file:///etc/passwd",
      "gopher://example.com/",
      "api.example.com/v1",
      "//api.example.com/v1",
      "/relative/path",
      "",
      "   ",
      ":https://x",
      "https//missing-colon.example.com",
      "1https://x",
  })
  void refusesEverythingElseAsCleartext(String url) {
    CleartextRefusedException e = assertThrows(CleartextRefusedException.class,
        () -> guard(CleartextMode.REFUSE).checkRequest(url));
    assertNotNull(e.getMessage());
    assertEquals(SecurityEvent.Kind.CLEARTEXT_REFUSED, events.get(0).kind());
  }

  @Test
  void refusalMessageNamesTheFixAndHidesQueryAndUserinfo() {
    CleartextRefusedException e = assertThrows(CleartextRefusedException.class,
        () -> guard(CleartextMode.REFUSE).checkRequest("http://user:hunter2@api.example.com/v1/items?token=s3cr3t#frag"));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertFalse(e.getMessage().contains("user"), e.getMessage());
    assertTrue(e.getMessage().contains("https://api.example.com/v1/items"), e.getMessage());
    assertEquals("http://api.example.com/v1/items", e.redactedUrl());
    assertFalse(events.get(0).toString().contains("s3cr3t"));
  }

  @Test
  void refusalEventCarriesTheCallSite() {
    assertThrows(CleartextRefusedException.class, () -> guard(CleartextMode.REFUSE).checkRequest("http://a.example/"));
    StackTraceElement callSite = events.get(0).callSite();
    assertNotNull(callSite);
    assertTrue(callSite.getClassName().startsWith(UrlGuardTest.class.getName()), callSite.toString());
  }

  @Test
  void refusesUserinfoOnHttps() {
    RequestRefusedException e = assertThrows(RequestRefusedException.class,
        () -> guard(CleartextMode.REFUSE).checkRequest("https://alice:pa55word@api.example.com/"));
    assertFalse(e.getMessage().contains("pa55word"));
    assertFalse(e.getMessage().contains("alice"));
    assertTrue(e.getMessage().contains("Credential.basic"), e.getMessage());
    assertEquals(SecurityEvent.Kind.URL_REFUSED, events.get(0).kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://", "https:///path", "https://exa mple.com/", "https://bad_host!.example/"})
  void refusesHttpsWithoutAValidHost(String url) {
    assertThrows(RequestRefusedException.class, () -> guard(CleartextMode.REFUSE).checkRequest(url));
  }

  @Test
  void upgradeRewritesSchemeAndDefaultPort() throws Exception {
    UrlGuard guard = guard(CleartextMode.UPGRADE);
    assertEquals("https://api.example.com/v1?q=1", guard.checkRequest("http://api.example.com/v1?q=1").toString());
    assertEquals("https://api.example.com/v1", guard.checkRequest("HTTP://api.example.com:80/v1").toString());
    assertEquals("https://api.example.com:8080/v1", guard.checkRequest("http://api.example.com:8080/v1").toString());
    assertEquals("https://[::1]:8080/", guard.checkRequest("http://[::1]:8080/").toString());
    assertEquals("wss://stream.example.com/s", guard.checkRequest("ws://stream.example.com/s").toString());
    assertEquals(SecurityEvent.Kind.CLEARTEXT_UPGRADED, events.get(0).kind());
    assertNotNull(events.get(0).callSite());
  }

  @Test
  void upgradeStillRefusesOtherSchemes() {
    assertThrows(CleartextRefusedException.class, () -> guard(CleartextMode.UPGRADE).checkRequest("ftp://x.example/"));
  }

  @Test
  void redirectTargetsAreNeverUpgraded() {
    URI from = URI.create("https://api.example.com/start?token=x");
    RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
        () -> guard(CleartextMode.UPGRADE).checkRedirectTarget(from, URI.create("http://evil.example/steal?k=v")));
    assertInstanceOf(RequestRefusedException.class, e);
    assertFalse(e.getMessage().contains("token=x"));
    assertFalse(e.getMessage().contains("k=v"));
    assertEquals(SecurityEvent.Kind.REDIRECT_REFUSED, events.get(0).kind());
    assertEquals("DOWNGRADE", events.get(0).reason());
  }

  @Test
  void redirectTargetsDoNotCountAsRequests() throws Exception {
    guard(CleartextMode.REFUSE).checkRedirectTarget(URI.create("https://a.example/"), URI.create("https://b.example/"));
    assertTrue(events.isEmpty());
  }
}
