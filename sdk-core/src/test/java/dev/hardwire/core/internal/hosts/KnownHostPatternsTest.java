package dev.hardwire.core.internal.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class KnownHostPatternsTest {
  private static final String PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String BACKUP = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";

  private static SecurityEvent.Builder event() {
    return SecurityEvent.builder(SecurityEvent.Kind.CERTIFICATE_REJECTED, Instant.EPOCH);
  }

  @Test
  void takesPinAndCredentialPatternsFromThePolicy() {
    SecurityPolicy policy = SecurityPolicy.builder()
        .pin("API.example.com", PIN, BACKUP)
        .credential(Credential.header("*.example.com", "X-Api-Key", "canary"))
        .credential(Credential.bearer("api.example.com", "canary"))
        .build();
    assertEquals(Arrays.asList("api.example.com", "*.example.com"),
        new ArrayList<>(KnownHostPatterns.of(policy).patterns()));
  }

  @Test
  void classifiesByTheMostSpecificMatchingPattern() {
    KnownHostPatterns known = KnownHostPatterns.of(
        Arrays.asList("**.example.com", "*.example.com", "api.example.com"));
    assertEquals("api.example.com", known.classify(event().host("API.Example.com.").build()));
    assertEquals("*.example.com", known.classify(event().host("www.example.com").build()));
    assertEquals("**.example.com", known.classify(event().host("a.b.example.com").build()));
    assertEquals("**.example.com", known.classify(event().url("http://example.com/path").build()));
    assertEquals("other", known.classify(event().host("example.org").build()));
  }

  @Test
  void trustsOnlyConfiguredEventHostPatterns() {
    KnownHostPatterns known = KnownHostPatterns.of(Collections.singletonList("api.example.com"));
    assertEquals("api.example.com", known.classify(event().hostPattern("api.example.com").build()));
    assertEquals("other", known.classify(event().hostPattern("evil.example").build()));
    assertEquals("other", known.classify(event().url("not a url").build()));
    assertEquals("other", known.classify(event().build()));
    assertEquals("other", KnownHostPatterns.of(Collections.<String>emptyList())
        .classify(event().host("api.example.com").build()));
  }
}
