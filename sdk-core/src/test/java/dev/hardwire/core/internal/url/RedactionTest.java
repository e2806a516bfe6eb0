package dev.hardwire.core.internal.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void dropsUserinfoQueryAndFragment() {
    assertEquals("https://host.example/p", Redaction.redact("https://u:p@host.example/p?token=1#f"));
    assertEquals("http://host.example", Redaction.redact("http://a@b@host.example?x"));
  }

  @Test
  void dropsEverythingBeforeAtWithoutAnAuthority() {
    assertEquals("host.example/x", Redaction.redact("mailto:secret@host.example/x"));
  }

  @Test
  void replacesControlCharactersAndBoundsLength() {
    assertEquals("https://a.example/?x", Redaction.redact("https://a.example/\nx"));
    StringBuilder longUrl = new StringBuilder("https://a.example/");
    for (int i = 0; i < 500; i++) longUrl.append('a');
    String redacted = Redaction.redact(longUrl.toString());
    assertTrue(redacted.length() <= 203 && redacted.endsWith("..."));
  }
}
