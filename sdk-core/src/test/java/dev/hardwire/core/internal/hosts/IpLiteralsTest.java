package dev.hardwire.core.internal.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SeededRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

  @Test
  void acceptsDottedQuads() {
    assertTrue(IpLiterals.isIpv4("127.0.0.1"));
    assertTrue(IpLiterals.isIpv4("0.0.0.0"));
    assertTrue(IpLiterals.isIpv4("255.255.255.255"));
    assertTrue(IpLiterals.isIpv4("192.0.2.10"));
  }

  @Test
  void refusesEverythingElse() {
    for (String host : new String[] {"", ".", "127.1", "127.0.0", "127.0.0.1.", ".127.0.0.1", "127..0.1",
        "127.0.0.01", "256.0.0.1", "1234.0.0.1", "0x7f.0.0.1", "127.0.0.1a", "a.b.c.d", "1.2.3.4.5", "-1.0.0.0"}) {
      assertFalse(IpLiterals.isIpv4(host), host);
    }
  }

  /** The scanner answers exactly what the grammar says, for random strings and near-quads. */
  @Test
  void answersAsTheGrammarForEveryString() {
    SeededRandom.repeat(50000, random -> {
      String host;
      if (random.nextBoolean()) {
        host = SeededRandom.string(random, "0125.9a", 0, 18);
      } else {
        StringBuilder quad = new StringBuilder();
        for (int octet = 0; octet < 3 + random.nextInt(3); octet++) {
          if (octet > 0) quad.append('.');
          if (random.nextInt(8) == 0) quad.append('0');
          quad.append(random.nextInt(300));
        }
        host = quad.toString();
      }
      assertEquals(DOTTED_QUAD.matcher(host).matches(), IpLiterals.isIpv4(host), host);
    });
  }
}
