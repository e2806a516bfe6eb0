package dev.hardwire.core.internal.url;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.SeededRandom;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No input, however mangled, gets a non-https URL past the guard. */
class UrlGuardPropertiesTest {
  private final UrlGuard refusing = new UrlGuard(CleartextMode.REFUSE,
      new EventDispatcher(Collections.<SecurityEventListener>emptyList(), Clock.systemUTC()));
  private final UrlGuard upgrading = new UrlGuard(CleartextMode.UPGRADE,
      new EventDispatcher(Collections.<SecurityEventListener>emptyList(), Clock.systemUTC()));

  @Test
  void onlyHttpsOrWssEverPasses() {
    SeededRandom.repeat(3000, random -> {
      String url = urlish(random);
      assertOnlySecure(refusing, url);
      assertOnlySecure(upgrading, url);
    });
  }

  @Test
  void arbitraryStringsNeverPassAsCleartext() {
    SeededRandom.repeat(3000, random -> assertOnlySecure(refusing, SeededRandom.anyString(random, 60)));
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

  /** A scheme, a separator, a host and a tail, each from the forms that confuse URL parsers. */
  private static String urlish(Random random) {
    return SeededRandom.oneOf(random, "http", "HTTP", "hTtP", "https", "HTTPS", "ws", "wss", "ftp", "file",
        "javascript", "", " http", "http ", "ht\ttp", "https\u0000", "h ttps", "httpss", "xhttps")
        + SeededRandom.oneOf(random, "://", ":/", ":", ":///", "//", ":\\\\", ": //", "://@", "://u:p@")
        + SeededRandom.oneOf(random, "api.example.com", "127.0.0.1", "[::1]", "[::1", "exa mple.com",
            "xn--bcher-kva.example", "b\u00fccher.example", "", "host:80", "host:99999", "@evil.example", "a..b")
        + SeededRandom.string(random, "/?#@:%&=.\\ abc", 0, 12);
  }
}
