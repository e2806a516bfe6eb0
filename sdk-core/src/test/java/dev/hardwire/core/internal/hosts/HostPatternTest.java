package dev.hardwire.core.internal.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {
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

  @Property(tries = 2000)
  void singleWildcardNeverMatchesAcrossLabels(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String b) {
    HostPattern pattern = HostPattern.parse("*.example.com");
    String host = HostNames.canonicalize(a + "." + b + ".example.com");
    assertFalse(pattern.matches(host));
    assertTrue(pattern.matches(HostNames.canonicalize(a + ".example.com")));
  }

  @Property(tries = 2000)
  void parsingEitherFailsCleanlyOrYieldsACanonicalPattern(@ForAll String input) {
    HostPattern pattern;
    try {
      pattern = HostPattern.parse(input);
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertEquals(pattern, HostPattern.parse(pattern.toString()));
  }
}
