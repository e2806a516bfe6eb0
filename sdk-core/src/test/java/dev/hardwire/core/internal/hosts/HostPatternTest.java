package dev.hardwire.core.internal.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SeededRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Test
  void exactPatternMatchesOnlyThatHost() {
    HostPattern pattern = HostPattern.parse("API.Example.com.");
    assertEquals("api.example.com", pattern.toString());
    assertTrue(pattern.matches("api.example.com"));
    assertFalse(pattern.matches("www.api.example.com"));
    assertFalse(pattern.matches("example.com"));
    assertFalse(pattern.matches("api.example.com.evil.example"));
  }

  @Test
  void singleWildcardMatchesExactlyOneLabel() {
    HostPattern pattern = HostPattern.parse("*.example.com");
    assertTrue(pattern.matches("www.example.com"));
    assertFalse(pattern.matches("example.com"));
    assertFalse(pattern.matches("a.b.example.com"));
    assertFalse(pattern.matches("wwwexample.com"));
  }

  @Test
  void doubleWildcardMatchesAnyDepthIncludingTheDomain() {
    HostPattern pattern = HostPattern.parse("**.example.com");
    assertTrue(pattern.matches("example.com"));
    assertTrue(pattern.matches("www.example.com"));
    assertTrue(pattern.matches("a.b.example.com"));
    assertFalse(pattern.matches("badexample.com"));
    assertFalse(pattern.matches("example.com.evil.example"));
  }

  @Test
  void idnPatternsAreComparedAsALabels() {
    HostPattern pattern = HostPattern.parse("bücher.example");
    assertEquals("xn--bcher-kva.example", pattern.toString());
    assertTrue(pattern.matches(HostNames.canonicalize("BÜCHER.example")));
  }

  @Test
  void ipLiteralsMatchExactly() {
    assertTrue(HostPattern.parse("10.0.0.1").matches("10.0.0.1"));
    assertTrue(HostPattern.parse("[::1]").matches(HostNames.canonicalize("0:0:0:0:0:0:0:1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "*.", "*.com", "**.com", "api.*.com", "a*.example.com", "*example.com",
      "***.example.com", "*.*.example.com", "example.*", "", " ", "exa mple.com", "-bad.example.com",
      "*.10.0.0.1", "**.[::1]", "under_score.example.com", "a..b.example"})
  void rejectsMalformedPatternsWithTheAcceptedForms(String pattern) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(pattern));
    assertTrue(e.getMessage().contains("'*.example.com'"), e.getMessage());
  }

  @Test
  void singleWildcardNeverMatchesAcrossLabels() {
    HostPattern pattern = HostPattern.parse("*.example.com");
    SeededRandom.repeat(2000, random -> {
      String a = SeededRandom.string(random, LETTERS, 1, 8);
      String b = SeededRandom.string(random, LETTERS, 1, 8);
      assertFalse(pattern.matches(HostNames.canonicalize(a + "." + b + ".example.com")), a + "." + b);
      assertTrue(pattern.matches(HostNames.canonicalize(a + ".example.com")), a);
    });
  }

  @Test
  void parsingEitherFailsCleanlyOrYieldsACanonicalPattern() {
    SeededRandom.repeat(3000, random -> {
      String input = random.nextBoolean() ? SeededRandom.anyString(random, 30) : patternish(random);
      HostPattern pattern;
      try {
        pattern = HostPattern.parse(input);
      } catch (IllegalArgumentException expected) {
        return;
      }
      assertEquals(pattern, HostPattern.parse(pattern.toString()), input);
      assertEquals(pattern.toString(), HostPattern.parse(pattern.toString()).toString(), input);
    });
  }

  /** Mostly valid patterns, so that the round trip is exercised and not only the refusals. */
  private static String patternish(Random random) {
    return SeededRandom.oneOf(random, "", "*.", "**.", "*", "***.")
        + SeededRandom.string(random, "abcXYZ09-.\u00fc", 1, 12)
        + SeededRandom.oneOf(random, ".example.com", ".COM", ".", "", ".xn--bcher-kva.example");
  }
}
