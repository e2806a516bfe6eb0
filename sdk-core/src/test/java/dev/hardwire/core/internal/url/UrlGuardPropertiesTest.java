package dev.hardwire.core.internal.url;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No input, however mangled, gets a non-https URL past the guard. */
class UrlGuardPropertiesTest {
  private final UrlGuard refusing = new UrlGuard(CleartextMode.REFUSE,
      new EventDispatcher(Collections.<SecurityEventListener>emptyList(), Clock.systemUTC()));
  private final UrlGuard upgrading = new UrlGuard(CleartextMode.UPGRADE,
      new EventDispatcher(Collections.<SecurityEventListener>emptyList(), Clock.systemUTC()));

  @Property(tries = 3000)
  void onlyHttpsOrWssEverPasses(@ForAll("urlish") String url) {
    assertOnlySecure(refusing, url);
    assertOnlySecure(upgrading, url);
  }

  @Property(tries = 3000)
  void arbitraryStringsNeverPassAsCleartext(@ForAll String url) {
    assertOnlySecure(refusing, url);
  }

  private static void assertOnlySecure(UrlGuard guard, String url) {
    URI result;
    try {
      result = guard.checkRequest(url);
    } catch (RequestRefusedException expected) {
      return;
    }
    String scheme = result.getScheme();
    assertTrue("https".equals(scheme) || "wss".equals(scheme) || "HTTPS".equalsIgnoreCase(scheme)
        || "WSS".equalsIgnoreCase(scheme), url + " -> " + result);
    assertTrue(result.getRawUserInfo() == null, url + " -> " + result);
    assertTrue(result.getHost() != null, url + " -> " + result);
  }

  @Provide
  Arbitrary<String> urlish() {
    Arbitrary<String> schemes = Arbitraries.of("http", "HTTP", "hTtP", "https", "HTTPS", "ws", "wss", "ftp", "file",
        "javascript", "", " http", "http ", "ht\ttp", "https\u0000", "h ttps", "httpss", "xhttps");
    Arbitrary<String> separators = Arbitraries.of("://", ":/", ":", ":///", "//", ":\\\\", ": //", "://@", "://u:p@");
    Arbitrary<String> hosts = Arbitraries.of("api.example.com", "127.0.0.1", "[::1]", "[::1", "exa mple.com",
        "xn--bcher-kva.example", "b\u00fccher.example", "", "host:80", "host:99999", "@evil.example", "a..b");
    Arbitrary<String> tails = Arbitraries.strings().withChars("/?#@:%&=.\\ abc").ofMaxLength(12);
    return Combinators.combine(schemes, separators, hosts, tails).as((a, b, c, d) -> a + b + c + d);
  }
}
