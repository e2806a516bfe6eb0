package dev.hardwire.core.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SeededRandom;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {
  @ParameterizedTest(name = "{0} covers {1}")
  @CsvSource({
      "www.example.com, www.example.com",
      "WWW.Example.COM, www.example.com",
      "www.example.com., www.example.com",
      "*.example.com, a.example.com",
      "*.Example.com, www-1.example.com",
      "*.example.com., a.example.com",
      "*.xn--bcher-kva.example, shop.xn--bcher-kva.example",
      "*.a.b, x.a.b"})
  void matches(String pattern, String host) {
    assertTrue(HostnameMatcher.dnsNameMatches(pattern, host));
  }

  @ParameterizedTest(name = "{0} does not cover {1}")
  @CsvSource({
      "www.example.com, example.com",
      "www.example.com, www.example.org",
      "*.example.com, example.com",
      "*.example.com, a.b.example.com",
      "*.example.com, aexample.com",
      "f*.example.com, foo.example.com",
      "*oo.example.com, foo.example.com",
      "f*o.example.com, foo.example.com",
      "*.*.example.com, a.b.example.com",
      "a.*.example.com, a.b.example.com",
      "**.example.com, a.example.com",
      "*.com, example.com",
      "*, example",
      "*., example.com",
      "'', example.com",
      "b\u00fccher.example, xn--bcher-kva.example",
      "exa mple.com, exa mple.com",
      "-bad.example.com, -bad.example.com"})
  void doesNotMatch(String pattern, String host) {
    assertFalse(HostnameMatcher.dnsNameMatches(pattern, host));
  }

  @Test
  void canonicalHostIsLowerCaseALabelsWithoutTrailingDotOrBrackets() {
    assertEquals("www.example.com", HostnameMatcher.canonicalHost("WWW.Example.COM."));
    assertEquals("xn--bcher-kva.example", HostnameMatcher.canonicalHost("B\u00dcCHER.example"));
    assertEquals("::1", HostnameMatcher.canonicalHost("[::1]"));
    assertEquals("::1", HostnameMatcher.canonicalHost("0:0:0:0:0:0:0:1"));
    assertEquals("2001:db8::1", HostnameMatcher.canonicalHost("2001:DB8:0:0:0:0:0:1"));
    assertEquals("192.0.2.7", HostnameMatcher.canonicalHost("192.0.2.7"));
    for (String invalid : new String[] {null, "", "exa mple.com", "a..b", "[::1", "::1%eth0",
        "www.example.com:443", "*.example.com"}) {
      assertNull(HostnameMatcher.canonicalHost(invalid), invalid);
    }
  }

  /** A match means the host equals the name, or differs from it in exactly the wildcard's one label. */
  @Test
  void aMatchDiffersInTheWildcardLabelAtMost() {
    SeededRandom.repeat(5000, random -> {
      String host = labels(random, 1 + random.nextInt(4));
      String pattern = pattern(random, host);
      if (!HostnameMatcher.dnsNameMatches(pattern, host)) return;
      String p = pattern.toLowerCase(Locale.ROOT);
      if (p.endsWith(".")) p = p.substring(0, p.length() - 1);
      if (p.startsWith("*.")) {
        String suffix = p.substring(2);
        assertTrue(host.endsWith("." + suffix), pattern + " matched " + host);
        String label = host.substring(0, host.length() - suffix.length() - 1);
        assertFalse(label.isEmpty() || label.contains("."), pattern + " matched " + host);
        assertTrue(suffix.contains("."), pattern + " matched " + host);
      } else {
        assertEquals(p, host, pattern + " matched " + host);
      }
    });
  }

  /** The host itself, a wildcard over part of it, or a near miss: extra, missing or changed labels. */
  private static String pattern(Random random, String host) {
    String[] parts = host.split("\\.");
    switch (random.nextInt(6)) {
      case 0:
        return random.nextBoolean() ? host.toUpperCase(Locale.ROOT) : host + ".";
      case 1:
        return "*." + host.substring(host.indexOf('.') + 1);
      case 2:
        return "*." + host;
      case 3:
        return "*." + labels(random, 1 + random.nextInt(3));
      case 4:
        parts[random.nextInt(parts.length)] = SeededRandom.oneOf(random, "*", "a*", "*b", "", "xn--*");
        return String.join(".", parts);
      default:
        return SeededRandom.anyString(random, 20);
    }
  }

  /** Labels from a tiny alphabet, so that random patterns and hosts often share them. */
  private static String labels(Random random, int count) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) result.append('.');
      result.append(SeededRandom.string(random, "ab", 1, 2));
    }
    return result.toString();
  }
}
