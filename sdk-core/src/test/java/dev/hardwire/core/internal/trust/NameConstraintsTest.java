package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.TestCertificates.ca;
import static dev.hardwire.core.TestCertificates.chain;
import static dev.hardwire.core.TestCertificates.dns;
import static dev.hardwire.core.TestCertificates.ip;
import static dev.hardwire.core.TestCertificates.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.TestCertificates;
import dev.hardwire.core.TestCertificates.Issued;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Name constraints applied by Hardwire itself, to a path the platform has built: leaf, CAs, root. */
class NameConstraintsTest {
  private static final Issued ROOT = ca("Root").build();

  @ParameterizedTest(name = "{0} within {1}: {2}")
  @CsvSource({
      "example.com, example.com, true",
      "www.example.com, example.com, true",
      "a.b.example.com, example.com, true",
      "badexample.com, example.com, false",
      "example.com.evil.example, example.com, false",
      "example.com, .example.com, false",
      "www.example.com, .example.com, true",
      "*.example.com, example.com, true",
      "*.example.com, .example.com, true",
      "*.example.com, www.example.com, false",
      "www.example.com, EXAMPLE.com, true",
      "anything.example, '', true"})
  void dnsNamesWithinASubtree(String name, String constraint, boolean within) {
    assertEquals(within, NameConstraints.dnsWithin(name, constraint));
  }

  @Test
  void aCaWithoutConstraintsHasNone() throws CertificateRejectedException {
    assertNull(NameConstraints.of(new Extensions(), ROOT.certificate(), "www.example.com"));
  }

  @Test
  void refusesADnsConstraintWithALeadingPeriod() {
    Issued malformed = ca("Malformed").permitted(dns(".example.com")).issuedBy(ROOT).build();
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> NameConstraints.of(new Extensions(), malformed.certificate(), "www.example.com"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("starts with a period"), e.getMessage());
  }

  @Test
  void appliesTheRootsConstraintsToEveryCertificateBelowIt() throws CertificateRejectedException {
    Issued root = ca("Constrained Root").permitted(dns("example.com")).build();
    Issued intermediate = ca("Intermediate").issuedBy(root).build();
    NameConstraints.check(new Extensions(),
        chain(leaf("www.example.com").issuedBy(intermediate).build(), intermediate, root), "h");
    assertViolation(leaf("www.example.org").issuedBy(intermediate).build(), intermediate, root);
    assertViolation(leaf("www.example.com", "www.example.org").issuedBy(intermediate).build(), intermediate, root);
  }

  @Test
  void excludedSubtreesWinOverPermittedOnes() throws CertificateRejectedException {
    Issued root = ca("Root").permitted(dns("example.com")).excluded(dns("secret.example.com")).build();
    NameConstraints.check(new Extensions(), chain(leaf("www.example.com").issuedBy(root).build(), root), "h");
    assertViolation(leaf("secret.example.com").issuedBy(root).build(), root);
    assertViolation(leaf("db.secret.example.com").issuedBy(root).build(), root);
    assertViolation(leaf("*.example.com").issuedBy(root).build(), root);
  }

  @Test
  void appliesIpv4AndIpv6Subtrees() throws CertificateRejectedException {
    Issued root = ca("Root").permitted(ip("10.0.0.0/8"), ip("2001:db8::/32")).build();
    NameConstraints.check(new Extensions(), chain(leaf().ipAddresses("10.20.30.40").issuedBy(root).build(), root), "h");
    NameConstraints.check(new Extensions(), chain(leaf().ipAddresses("2001:db8::1").issuedBy(root).build(), root), "h");
    assertViolation(leaf().ipAddresses("11.0.0.1").issuedBy(root).build(), root);
    assertViolation(leaf().ipAddresses("2001:db9::1").issuedBy(root).build(), root);
    Issued v6Only = ca("V6 Only").permitted(ip("2001:db8::/32")).build();
    assertViolation(leaf().ipAddresses("10.0.0.1").issuedBy(v6Only).build(), v6Only);
  }

  @Test
  void ipConstraintsDoNotConstrainDnsNames() throws CertificateRejectedException {
    Issued root = ca("Root").permitted(ip("10.0.0.0/8")).build();
    NameConstraints.check(new Extensions(), chain(leaf("www.example.com").issuedBy(root).build(), root), "h");
  }

  @Test
  void appliesDirectoryNameSubtreesToSubjects() throws CertificateRejectedException {
    Issued root = ca("Root").permitted(new GeneralName(GeneralName.directoryName, "O=Example")).build();
    NameConstraints.check(new Extensions(),
        chain(leaf("www.example.com").subject("CN=www, O=Example").issuedBy(root).build(), root),
        "h");
    assertViolation(leaf("www.example.com").subject("CN=www, O=Evil").issuedBy(root).build(), root);
  }

  /** Checking is names times constraints; past a budget the chain is refused rather than checked. */
  @Test
  void refusesPathsWithTooManyComparisons() {
    GeneralName[] constraints = new GeneralName[400];
    for (int i = 0; i < constraints.length; i++) constraints[i] = dns("d" + i + ".example.com");
    Issued root = ca("Root").excluded(constraints).build();
    String[] names = new String[200];
    for (int i = 0; i < names.length; i++) names[i] = "n" + i + ".example.org";
    CertificateRejectedException e = assertViolation(leaf(names).issuedBy(root).build(), root);
    assertTrue(e.getMessage().contains("denial-of-service"), e.getMessage());
  }

  private static CertificateRejectedException assertViolation(Issued... path) {
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> NameConstraints.check(new Extensions(), TestCertificates.chain(path), "h"));
    assertEquals(Reason.NAME_CONSTRAINTS, e.reason(), e.getMessage());
    assertFalse(e.getMessage().isEmpty());
    return e;
  }
}
