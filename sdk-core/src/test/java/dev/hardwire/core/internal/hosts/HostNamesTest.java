package dev.hardwire.core.internal.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hardwire.core.SeededRandom;
import java.net.IDN;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HostNamesTest {
  @Test
  void canonicalizesLowerCaseAsciiNamesWithoutChange() {
    assertEquals("api.example.com", HostNames.canonicalize("api.example.com"));
    assertEquals("api.example.com", HostNames.canonicalize("api.example.com."));
    assertEquals("127.0.0.1", HostNames.canonicalize("127.0.0.1"));
    assertEquals("xn--bcher-kva.example", HostNames.canonicalize("xn--bcher-kva.example"));
  }

  @Test
  void refusesMalformedLowerCaseAsciiNames() {
    assertNull(HostNames.canonicalize("-api.example.com"));
    assertNull(HostNames.canonicalize("api-.example.com"));
    assertNull(HostNames.canonicalize("api..example.com"));
    assertNull(HostNames.canonicalize("."));
    assertNull(HostNames.canonicalize(repeat("a", 64) + ".example.com"));
    assertNull(HostNames.canonicalize(repeat(repeat("a", 60) + ".", 5) + "com"));
  }

  @Test
  void refusesNamesThatResolversReadAsIpv4() {
    assertNull(HostNames.canonicalize("127.1"));
    assertNull(HostNames.canonicalize("192.0.2.07"));
    assertNull(HostNames.canonicalize("0x7f.1"));
    assertNull(HostNames.canonicalize("2130706433"));
    assertEquals("1.example.com", HostNames.canonicalize("1.example.com"));
  }

  @Test
  void convertsOtherNamesThroughIdn() {
    assertEquals("api.example.com", HostNames.canonicalize("API.Example.COM"));
    assertEquals("xn--bcher-kva.example", HostNames.canonicalize("b\u00fccher.example"));
    assertNull(HostNames.canonicalize("under_score.example"));
  }

  /** The ASCII fast path answers exactly what converting every name through IDN answers. */
  @Test
  void answersAsIdnForEveryName() {
    SeededRandom.repeat(20000, random -> {
      String host = random.nextBoolean()
          ? SeededRandom.string(random, "abcz019-.", 0, 70)
          : SeededRandom.string(random, "abAZ09-._\u00fc\u3002", 0, 30);
      assertEquals(throughIdn(host), HostNames.canonicalize(host), host);
    });
  }

  /** canonicalize as it was before the fast path: every DNS name through IDN.toASCII. */
  private static String throughIdn(String host) {
    if (host.isEmpty()) return null;
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (IpLiterals.isIpv4(ascii)) return ascii;
    if (ascii.substring(ascii.lastIndexOf('.') + 1).matches("[0-9]+")) return null;
    if (ascii.isEmpty() || ascii.length() > 253) return null;
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
          || !label.matches("[a-z0-9-]+")) {
        return null;
      }
    }
    return ascii;
  }

  private static String repeat(String s, int times) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < times; i++) result.append(s);
    return result.toString();
  }
}
