package dev.hardwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityPolicyTest {
  private static final String PIN_A = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String PIN_B = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";

  @Test
  void strictIsTls13OnlyWithAeadSuitesAndRefusesCleartext() {
    SecurityPolicy policy = SecurityPolicy.strict();
    assertEquals(TlsVersion.TLS_1_3, policy.minimumTlsVersion());
    assertEquals(TlsProvider.JDK, policy.tlsProvider());
    assertEquals(CleartextMode.REFUSE, policy.cleartextMode());
    assertEquals(Collections.singletonList("TLSv1.3"), policy.enabledProtocols());
    assertEquals(Arrays.asList("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"),
        policy.enabledCipherSuites());
    assertTrue(policy.trustAnchors().isEmpty());
    assertTrue(policy.pins().isEmpty());
  }

  @Test
  void tls12AddsOnlyEcdheAeadSuites() {
    SecurityPolicy policy = SecurityPolicy.builder().minimumTlsVersion(TlsVersion.TLS_1_2).build();
    assertEquals(Arrays.asList("TLSv1.3", "TLSv1.2"), policy.enabledProtocols());
    for (String suite : policy.enabledCipherSuites()) {
      boolean tls13 = suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
      boolean ecdheAead = suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20"));
      assertTrue(tls13 || ecdheAead, suite);
      assertFalse(suite.contains("CBC") || suite.contains("SHA1") || suite.endsWith("_SHA"), suite);
    }
  }

  @Test
  void olderTlsVersionsDoNotExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsVersion.forJavaName("TLSv1.1"));
    assertTrue(e.getMessage().contains("TLSv1.2 and TLSv1.3"), e.getMessage());
    assertEquals(TlsVersion.TLS_1_2, TlsVersion.forJavaName("TLSv1.2"));
  }

  @Test
  void rejectsMalformedPinsAtBuildTime() {
    for (String pin : new String[] {"sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "sha256/AAAA", "sha256/not base64!", "sha256/" + PIN_A.substring(7) + " ", "sha256/"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SecurityPolicy.builder().pin("api.example.com", pin, PIN_B), pin);
      assertTrue(e.getMessage().contains("sha256/"), e.getMessage());
    }
  }

  @Test
  void rejectsMisplacedWildcardsInPinPatterns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SecurityPolicy.builder().pin("api.*.example.com", PIN_A, PIN_B));
    assertTrue(e.getMessage().contains("left-most label"), e.getMessage());
  }

  @Test
  void rejectsEmptyTrustAnchors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SecurityPolicy.builder().trustAnchors(Collections.<X509Certificate>emptyList()));
    assertTrue(e.getMessage().contains("platform's trust store"), e.getMessage());
  }

  @Test
  void rejectsPinsWithoutHashesAndConflictingModes() {
    assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.builder().pin("api.example.com"));
    assertThrows(IllegalArgumentException.class,
        () -> SecurityPolicy.builder().pin("api.example.com", PIN_A).pinReportOnly("API.example.com", PIN_B));
  }

  @Test
  void pinExpirationNeedsPins() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SecurityPolicy.builder().pinExpiration("api.example.com", Instant.EPOCH).build());
    assertTrue(e.getMessage().contains("pin()"), e.getMessage());
    SecurityPolicy policy = SecurityPolicy.builder().pin("api.example.com", PIN_A, PIN_B)
        .pinExpiration("api.example.com", Instant.EPOCH).build();
    assertEquals(Instant.EPOCH, policy.pins().get(0).expiresAt());
  }

  @Test
  void singlePinIsReportedAsMissingBackup() {
    List<SecurityEvent> events = new ArrayList<>();
    SecurityPolicy.builder().eventListener(events::add).pin("api.example.com", PIN_A).build();
    assertEquals(1, events.size());
    assertEquals(SecurityEvent.Kind.PIN_WITHOUT_BACKUP, events.get(0).kind());
    assertEquals("api.example.com", events.get(0).hostPattern());

    events.clear();
    SecurityPolicy.builder().eventListener(events::add).pin("api.example.com", PIN_A, PIN_B).build();
    assertTrue(events.isEmpty());
  }

  @Test
  void samePatternPinsMergeWithoutDuplicates() {
    SecurityPolicy policy = SecurityPolicy.builder().pin("api.example.com", PIN_A).pin("api.example.com", PIN_A, PIN_B)
        .build();
    assertEquals(Arrays.asList(PIN_A, PIN_B), policy.pins().get(0).pins());
  }

  @Test
  void maxRedirectsIsBounded() {
    assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.builder().maxRedirects(-1));
    assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.builder().maxRedirects(21));
    assertEquals(0, SecurityPolicy.builder().maxRedirects(0).build().maxRedirects());
  }

  @Test
  void sensitiveHeadersAreValidatedAndLowerCased() {
    assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.builder().sensitiveHeaders("X Api Key"));
    assertEquals(Collections.singleton("x-api-key"),
        SecurityPolicy.builder().sensitiveHeaders("X-Api-Key").build().sensitiveHeaders());
  }

  @Test
  void newBuilderRoundTripsAndEqualityFollowsSettings() {
    SecurityPolicy policy = SecurityPolicy.builder()
        .minimumTlsVersion(TlsVersion.TLS_1_2)
        .cleartextMode(CleartextMode.UPGRADE)
        .pin("api.example.com", PIN_A, PIN_B)
        .pinReportOnly("*.cdn.example.com", PIN_A, PIN_B)
        .sensitiveHeaders("X-Api-Key")
        .credential(Credential.bearer("api.example.com", "t0k3n"))
        .maxRedirects(5)
        .build();
    assertEquals(policy, policy.newBuilder().build());
    assertEquals(policy.hashCode(), policy.newBuilder().build().hashCode());
    assertNotEquals(policy, policy.newBuilder().maxRedirects(4).build());
  }

  @Test
  void toStringNeverShowsSecrets() {
    SecurityPolicy policy = SecurityPolicy.builder()
        .credential(Credential.bearer("api.example.com", "t0k3n-canary"))
        .credential(Credential.basic("basic.example.com", "alice", "pa55-canary"))
        .build();
    assertFalse(policy.toString().contains("canary"), policy.toString());
    assertFalse(policy.toString().contains("YWxpY2U6cGE1NS1jYW5hcnk="), policy.toString());
  }

  @Test
  void absentProviderFailsAtBuildWithCoordinates() {
    // Conscrypt and Bouncy Castle are not on sdk-core's test class path.
    IllegalStateException conscrypt = assertThrows(IllegalStateException.class,
        () -> SecurityPolicy.builder().tlsProvider(TlsProvider.CONSCRYPT).build());
    assertTrue(conscrypt.getMessage().contains("org.conscrypt:conscrypt-openjdk-uber"), conscrypt.getMessage());
    IllegalStateException bc = assertThrows(IllegalStateException.class,
        () -> SecurityPolicy.builder().tlsProvider(TlsProvider.BOUNCY_CASTLE).build());
    assertTrue(bc.getMessage().contains("org.bouncycastle:bctls-jdk18on"), bc.getMessage());
  }
}
