package dev.hardwire.core;

import static dev.hardwire.core.TestCertificates.NOW;
import static dev.hardwire.core.TestCertificates.ca;
import static dev.hardwire.core.TestCertificates.chain;
import static dev.hardwire.core.TestCertificates.leaf;
import static dev.hardwire.core.TestCertificates.policyTrusting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.TestCertificates.Issued;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** SPKI pins, checked after the path is valid, on any certificate of the path. */
class PinningTest {
  private static final Issued ROOT = ca("Pinning Root").build();
  private static final Issued INTERMEDIATE = ca("Pinning Intermediate").issuedBy(ROOT).build();
  private static final Issued LEAF = leaf("api.example.com", "a.example.com", "example.com", "a.b.example.com")
      .issuedBy(INTERMEDIATE).build();
  private static final List<X509Certificate> CHAIN = chain(LEAF, INTERMEDIATE);
  /** Keys that sign nothing here, so a pin on them never matches. */
  private static final String OTHER_PIN = ca("Unrelated").build().pin();
  private static final String BACKUP_PIN = ca("Backup").build().pin();

  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  @Test
  void acceptsAPinOnTheLeaf() throws CertificateException {
    verifier(policy().pin("api.example.com", LEAF.pin(), BACKUP_PIN)).verify(CHAIN, "api.example.com");
    assertEquals(List.of(), kinds());
  }

  @Test
  void acceptsAPinOnTheIntermediate() throws CertificateException {
    verifier(policy().pin("api.example.com", OTHER_PIN, INTERMEDIATE.pin())).verify(CHAIN, "api.example.com");
  }

  @Test
  void acceptsAPinOnTheRootThatTheServerDidNotSend() throws CertificateException {
    verifier(policy().pin("api.example.com", ROOT.pin(), BACKUP_PIN)).verify(CHAIN, "api.example.com");
  }

  @Test
  void pinsOfEveryMatchingPatternCountTogetherAsInOkHttp() throws CertificateException {
    verifier(policy()
        .pin("api.example.com", OTHER_PIN, BACKUP_PIN)
        .pin("**.example.com", INTERMEDIATE.pin(), BACKUP_PIN))
        .verify(CHAIN, "api.example.com");
    assertTrue(events.isEmpty(), events.toString());
  }

  @Test
  void refusesAChainWithoutAPinnedKeyAndListsItsPins() {
    CertificateChainVerifier verifier = verifier(policy().pin("api.example.com", OTHER_PIN, BACKUP_PIN));
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> verifier.verify(CHAIN, "api.example.com"));
    assertEquals(Reason.PIN_MISMATCH, e.reason());
    String message = e.getMessage();
    assertTrue(message.startsWith("Certificate pinning failure!"), message);
    for (Issued certificate : new Issued[] {LEAF, INTERMEDIATE, ROOT}) {
      String line = certificate.pin() + ": " + certificate.certificate().getSubjectX500Principal().getName();
      assertTrue(message.contains(line), message);
    }
    assertTrue(message.contains("Pinned certificates for api.example.com:\n    " + OTHER_PIN + " (api.example.com)"
        + "\n    " + BACKUP_PIN + " (api.example.com)"), message);

    assertEquals(List.of(SecurityEvent.Kind.PIN_FAILURE), kinds());
    SecurityEvent event = events.get(0);
    assertEquals("PIN_MISMATCH", event.reason());
    assertEquals("api.example.com", event.host());
    assertEquals("api.example.com", event.hostPattern());
    assertEquals(false, event.reportOnly());
    assertEquals(message, event.message());
  }

  @Test
  void reportOnlyMismatchIsAnEventNotAFailure() throws CertificateException {
    verifier(policy().pinReportOnly("api.example.com", OTHER_PIN, BACKUP_PIN)).verify(CHAIN, "api.example.com");
    assertEquals(List.of(SecurityEvent.Kind.PIN_FAILURE), kinds());
    assertTrue(events.get(0).reportOnly());
    assertTrue(events.get(0).message().contains("(api.example.com, report-only)"), events.get(0).message());
  }

  @Test
  void expiredPinsAreNotEnforcedAndSaySo() throws CertificateException {
    verifier(policy().pin("api.example.com", OTHER_PIN, BACKUP_PIN)
        .pinExpiration("api.example.com", NOW)).verify(CHAIN, "api.example.com");
    assertEquals(List.of(SecurityEvent.Kind.PINS_EXPIRED), kinds());
    assertEquals("api.example.com", events.get(0).hostPattern());
  }

  @Test
  void pinsAreEnforcedUntilTheyExpire() {
    CertificateChainVerifier verifier = verifier(policy().pin("api.example.com", OTHER_PIN, BACKUP_PIN)
        .pinExpiration("api.example.com", NOW.plus(Duration.ofMillis(1))));
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> verifier.verify(CHAIN, "api.example.com"));
    assertEquals(Reason.PIN_MISMATCH, e.reason());
  }

  @Test
  void pinsForAnotherHostDoNotApply() throws CertificateException {
    verifier(policy().pin("www.example.com", OTHER_PIN, BACKUP_PIN)).verify(CHAIN, "api.example.com");
    assertEquals(List.of(), kinds());
  }

  @Test
  void singleLabelWildcardPinAppliesToOneLabelOnly() throws CertificateException {
    CertificateChainVerifier verifier = verifier(policy().pin("*.example.com", OTHER_PIN, BACKUP_PIN));
    assertPinMismatch(verifier, "a.example.com");
    verifier.verify(CHAIN, "example.com");
    verifier.verify(CHAIN, "a.b.example.com");
  }

  @Test
  void anyDepthWildcardPinAppliesToTheDomainAndEverySubdomain() {
    CertificateChainVerifier verifier = verifier(policy().pin("**.example.com", OTHER_PIN, BACKUP_PIN));
    for (String host : new String[] {"example.com", "a.example.com", "a.b.example.com"}) {
      assertPinMismatch(verifier, host);
    }
  }

  @Test
  void pinsMatchTheCanonicalHost() {
    CertificateChainVerifier verifier = verifier(policy().pin("api.example.com", OTHER_PIN, BACKUP_PIN));
    assertPinMismatch(verifier, "API.EXAMPLE.COM.");
  }

  @Test
  void aPinNeverMakesAnInvalidChainValid() {
    Issued expired = leaf("api.example.com").issuedBy(INTERMEDIATE)
        .validity(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1))).build();
    Issued selfSigned = leaf("api.example.com").build();
    CertificateChainVerifier verifier = verifier(policy()
        .pin("api.example.com", expired.pin(), selfSigned.pin(), LEAF.pin()));
    List<Reason> reasons = new ArrayList<>();
    for (List<X509Certificate> invalid : List.of(chain(expired, INTERMEDIATE), chain(selfSigned), chain(LEAF))) {
      reasons.add(assertThrows(CertificateRejectedException.class,
          () -> verifier.verify(invalid, "api.example.com")).reason());
    }
    assertEquals(List.of(Reason.EXPIRED, Reason.UNTRUSTED, Reason.INCOMPLETE_CHAIN), reasons);
    CertificateChainVerifier pinnedElsewhere = verifier(policy().pin("www.example.net", LEAF.pin(), BACKUP_PIN));
    assertEquals(Reason.HOSTNAME_MISMATCH, assertThrows(CertificateRejectedException.class,
        () -> pinnedElsewhere.verify(CHAIN, "www.example.net")).reason());
  }

  private void assertPinMismatch(CertificateChainVerifier verifier, String host) {
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> verifier.verify(CHAIN, host), host);
    assertEquals(Reason.PIN_MISMATCH, e.reason(), host);
  }

  private SecurityPolicy.Builder policy() {
    return policyTrusting(ROOT).eventListener(events::add);
  }

  /** The verifier for {@code policy}, after the events its build emitted. */
  private CertificateChainVerifier verifier(SecurityPolicy.Builder policy) {
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policy.build());
    events.clear();
    return verifier;
  }

  private List<SecurityEvent.Kind> kinds() {
    List<SecurityEvent.Kind> kinds = new ArrayList<>();
    for (SecurityEvent event : events) kinds.add(event.kind());
    return kinds;
  }
}
