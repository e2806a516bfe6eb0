package dev.hardwire.core;

import static dev.hardwire.core.TestCertificates.NOW;
import static dev.hardwire.core.TestCertificates.ca;
import static dev.hardwire.core.TestCertificates.chain;
import static dev.hardwire.core.TestCertificates.dns;
import static dev.hardwire.core.TestCertificates.ip;
import static dev.hardwire.core.TestCertificates.leaf;
import static dev.hardwire.core.TestCertificates.policyTrusting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.TestCertificates.Issued;
import dev.hardwire.core.TestCertificates.KeyType;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier's rules through its public API, one passing and one failing chain per rule. Chains
 * come from a private root ({@link TestCertificates}); every refusal is also checked for its
 * {@link SecurityEvent.Kind#CERTIFICATE_REJECTED} event.
 */
class CertificateChainVerifierTest {
  private static final Issued ROOT = ca("Test Root").build();
  private static final Issued INTERMEDIATE = ca("Test Intermediate").issuedBy(ROOT).build();
  private static final Issued LEAF = leaf("www.example.com", "example.com").issuedBy(INTERMEDIATE).build();

  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  // Path to the policy's anchors.

  @Test
  void acceptsLeafAndIntermediateThatLeadToTheConfiguredRoot() throws CertificateException {
    verifier().verify(chain(LEAF, INTERMEDIATE), "www.example.com");
    assertTrue(events.isEmpty(), events.toString());
  }

  @Test
  void acceptsAChainThatAlsoSendsTheRoot() throws CertificateException {
    verifier().verify(chain(LEAF, INTERMEDIATE, ROOT), "www.example.com");
  }

  @Test
  void acceptsALeafIssuedByTheRootDirectly() throws CertificateException {
    verifier().verify(chain(leaf("www.example.com").issuedBy(ROOT).build()), "www.example.com");
  }

  @Test
  void refusesAChainWithoutItsIntermediate() {
    CertificateRejectedException e = assertRejected(Reason.INCOMPLETE_CHAIN, "www.example.com", LEAF);
    assertTrue(e.getMessage().contains("CN=Test Intermediate"), e.getMessage());
    assertTrue(e.getMessage().contains("send its intermediate certificates"), e.getMessage());
  }

  @Test
  void refusesAChainToAnUnknownRoot() {
    Issued otherRoot = ca("Other Root").build();
    Issued otherIntermediate = ca("Other Intermediate").issuedBy(otherRoot).build();
    Issued otherLeaf = leaf("www.example.com").issuedBy(otherIntermediate).build();
    assertRejected(Reason.UNTRUSTED, "www.example.com", otherLeaf, otherIntermediate, otherRoot);
  }

  @Test
  void refusesARootThatOnlyHasTheTrustedRootsName() {
    Issued impostor = ca("Test Root").build();
    Issued intermediate = ca("Test Intermediate").issuedBy(impostor).build();
    assertRejected(Reason.UNTRUSTED, "www.example.com",
        leaf("www.example.com").issuedBy(intermediate).build(), intermediate, impostor);
  }

  @Test
  void refusesASelfSignedLeaf() {
    CertificateRejectedException e = assertRejected(Reason.UNTRUSTED, "www.example.com",
        leaf("www.example.com").build());
    assertTrue(e.getMessage().contains("self-signed"), e.getMessage());
  }

  @Test
  void refusesASelfSignedLeafEvenIfTheServerAlsoSendsTheRealChain() {
    assertRejected(Reason.UNTRUSTED, "www.example.com", leaf("www.example.com").build(), INTERMEDIATE, ROOT);
  }

  @Test
  void refusesAnEmptyChain() {
    assertRejected(Reason.MALFORMED, "www.example.com");
  }

  // Validity at the policy clock's time.

  @Test
  void refusesAnExpiredLeaf() {
    Issued expired = leaf("www.example.com").issuedBy(INTERMEDIATE)
        .validity(NOW.minus(Duration.ofDays(90)), NOW.minusSeconds(1)).build();
    CertificateRejectedException e = assertRejected(Reason.EXPIRED, "www.example.com", expired, INTERMEDIATE);
    assertTrue(e.getMessage().contains("Renew"), e.getMessage());
  }

  @Test
  void refusesALeafThatIsNotValidYet() {
    Issued future = leaf("www.example.com").issuedBy(INTERMEDIATE)
        .validity(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(90))).build();
    assertRejected(Reason.NOT_YET_VALID, "www.example.com", future, INTERMEDIATE);
  }

  @Test
  void refusesAnExpiredIntermediate() {
    Issued expired = ca("Test Intermediate").issuedBy(ROOT)
        .validity(NOW.minus(Duration.ofDays(90)), NOW.minusSeconds(1)).build();
    CertificateRejectedException e = assertRejected(Reason.EXPIRED, "www.example.com",
        leaf("www.example.com").issuedBy(expired).build(), expired);
    assertTrue(e.getMessage().contains("CN=Test Intermediate"), e.getMessage());
  }

  @Test
  void refusesAnIntermediateThatIsNotValidYet() {
    Issued future = ca("Test Intermediate").issuedBy(ROOT)
        .validity(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(90))).build();
    assertRejected(Reason.NOT_YET_VALID, "www.example.com", leaf("www.example.com").issuedBy(future).build(), future);
  }

  @Test
  void validatesAtThePolicyClocksTimeNotTheSystemClocks() throws CertificateException {
    SecurityPolicy later = policyTrusting(ROOT).eventListener(events::add)
        .clock(Clock.fixed(NOW.plus(Duration.ofDays(61)), ZoneOffset.UTC)).build();
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> CertificateChainVerifier.create(later).verify(chain(LEAF, INTERMEDIATE), "www.example.com"));
    assertEquals(Reason.EXPIRED, e.reason());
    verifier().verify(chain(LEAF, INTERMEDIATE), "www.example.com");
  }

  // Host names: subjectAltNames only.

  @Test
  void refusesAnotherHostAndListsTheSubjectAltNames() {
    CertificateRejectedException e = assertRejected(Reason.HOSTNAME_MISMATCH, "api.example.com", LEAF, INTERMEDIATE);
    assertTrue(e.getMessage().contains("[DNS:www.example.com, DNS:example.com]"), e.getMessage());
    assertTrue(e.getMessage().contains("the common name is never used"), e.getMessage());
  }

  @Test
  void neverFallsBackToTheCommonName() {
    Issued cnOnly = leaf().subject("CN=www.example.com").issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.HOSTNAME_MISMATCH, "www.example.com", cnOnly, INTERMEDIATE);
    Issued cnDisagrees = leaf("other.example.com").subject("CN=www.example.com").issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.HOSTNAME_MISMATCH, "www.example.com", cnDisagrees, INTERMEDIATE);
  }

  @Test
  void wildcardCoversExactlyOneLeftMostLabel() throws CertificateException {
    Issued wildcard = leaf("*.example.com").issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(wildcard, INTERMEDIATE), "a.example.com");
    assertRejected(Reason.HOSTNAME_MISMATCH, "example.com", wildcard, INTERMEDIATE);
    assertRejected(Reason.HOSTNAME_MISMATCH, "a.b.example.com", wildcard, INTERMEDIATE);
  }

  @Test
  void refusesAPartialWildcardAsMalformed() {
    Issued partial = leaf("f*.example.com").issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.MALFORMED, "foo.example.com", partial, INTERMEDIATE);
  }

  @Test
  void wildcardNeverCoversAWholeTopLevelDomain() {
    assertRejected(Reason.HOSTNAME_MISMATCH, "example.com", leaf("*.com").issuedBy(INTERMEDIATE).build(),
        INTERMEDIATE);
  }

  @Test
  void wildcardNeverMatchesAnIpAddress() {
    // "*.0.0.1" is not even a name: its last label is numeric, so it is refused as malformed.
    Issued wildcard = leaf("*.0.0.1").issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.MALFORMED, "127.0.0.1", wildcard, INTERMEDIATE);
  }

  @Test
  void matchesIpv4AddressesAgainstIpAddressNamesOnly() throws CertificateException {
    Issued ipLeaf = leaf().ipAddresses("192.0.2.7").issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(ipLeaf, INTERMEDIATE), "192.0.2.7");
    CertificateRejectedException e = assertRejected(Reason.HOSTNAME_MISMATCH, "192.0.2.8", ipLeaf, INTERMEDIATE);
    assertTrue(e.getMessage().contains("IP:192.0.2.7"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::1", "0:0:0:0:0:0:0:1", "[::1]", "0000:0000:0000:0000:0000:0000:0000:0001", "::0:1"})
  void matchesIpv6AddressesInAnyTextualForm(String host) throws CertificateException {
    verifier().verify(chain(leaf().ipAddresses("::1").issuedBy(INTERMEDIATE).build(), INTERMEDIATE), host);
    verifier().verify(chain(leaf().ipAddresses("0:0:0:0:0:0:0:1").issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
        host);
  }

  @Test
  void refusesAnIpHostAgainstANameAndANameAgainstAnIp() {
    assertRejected(Reason.HOSTNAME_MISMATCH, "192.0.2.7", LEAF, INTERMEDIATE);
    Issued ipLeaf = leaf().ipAddresses("192.0.2.7").issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.HOSTNAME_MISMATCH, "www.example.com", ipLeaf, INTERMEDIATE);
  }

  /** Java connects to an IPv4-mapped IPv6 literal over IPv4, so it is that IPv4 address. */
  @Test
  void matchesAnIpv4MappedIpv6HostAgainstTheIpv4Address() throws CertificateException {
    Issued ipLeaf = leaf().ipAddresses("192.0.2.7").issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(ipLeaf, INTERMEDIATE), "::ffff:192.0.2.7");
    assertRejected(Reason.HOSTNAME_MISMATCH, "::ffff:192.0.2.8", ipLeaf, INTERMEDIATE);
  }

  @Test
  void matchesAUnicodeHostAgainstItsALabel() throws CertificateException {
    Issued idn = leaf("xn--bcher-kva.example").issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(idn, INTERMEDIATE), "bücher.example");
    verifier().verify(chain(idn, INTERMEDIATE), "BÜCHER.example");
    assertRejected(Reason.HOSTNAME_MISMATCH, "bucher.example", idn, INTERMEDIATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"www.example.com.", "WWW.EXAMPLE.COM", "Www.Example.Com."})
  void ignoresCaseAndATrailingDotOnTheHost(String host) throws CertificateException {
    verifier().verify(chain(LEAF, INTERMEDIATE), host);
  }

  @Test
  void ignoresCaseInTheSubjectAltName() throws CertificateException {
    verifier().verify(chain(leaf("WWW.Example.COM").issuedBy(INTERMEDIATE).build(), INTERMEDIATE), "www.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"exa mple.com", "a..example.com", "under_score.example.com", "-lead.example.com",
      "*.*.example.com", "www.example.com.", "192.0.2.7", ""})
  void refusesALeafWithAMalformedDnsName(String san) {
    Issued malformed = leaf("www.example.com").dnsNames(san).issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.MALFORMED, "www.example.com", malformed, INTERMEDIATE);
  }

  @Test
  void refusesAMissingHostName() {
    assertRejected(Reason.NO_HOSTNAME, null, LEAF, INTERMEDIATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "exa mple.com", "www.example.com/path", "user@www.example.com", "[::1",
      "www.example.com:443", "..", "a..b"})
  void refusesAnInvalidHostName(String host) {
    assertRejected(Reason.MALFORMED, host, LEAF, INTERMEDIATE);
  }

  // Keys and signatures.

  @Test
  void refusesASha1SignedLeaf() {
    Issued sha1 = leaf("www.example.com").issuedBy(INTERMEDIATE).signatureAlgorithm("SHA1withECDSA").build();
    CertificateRejectedException e = assertRejected(Reason.WEAK_SIGNATURE, "www.example.com", sha1, INTERMEDIATE);
    assertTrue(e.getMessage().contains("SHA-256 or stronger"), e.getMessage());
  }

  @Test
  void refusesASha1SignedIntermediate() {
    Issued sha1 = ca("Test Intermediate").issuedBy(ROOT).signatureAlgorithm("SHA1withECDSA").build();
    assertRejected(Reason.WEAK_SIGNATURE, "www.example.com", leaf("www.example.com").issuedBy(sha1).build(), sha1);
  }

  @Test
  void acceptsARootThatSignedItselfWithSha1() throws CertificateException {
    Issued oldRoot = ca("Old Root").key(KeyType.RSA_2048).signatureAlgorithm("SHA1withRSA").build();
    Issued intermediate = ca("Test Intermediate").issuedBy(oldRoot).build();
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policyTrusting(oldRoot).build());
    verifier.verify(chain(leaf("www.example.com").issuedBy(intermediate).build(), intermediate), "www.example.com");
  }

  @Test
  void acceptsRsa2048AndEcP384Keys() throws CertificateException {
    Issued rsaRoot = ca("RSA Root").key(KeyType.RSA_2048).build();
    Issued rsaIntermediate = ca("RSA Intermediate").key(KeyType.RSA_2048).issuedBy(rsaRoot).build();
    Issued rsaLeaf = leaf("www.example.com").key(KeyType.RSA_2048).issuedBy(rsaIntermediate).build();
    CertificateChainVerifier.create(policyTrusting(rsaRoot).build())
        .verify(chain(rsaLeaf, rsaIntermediate), "www.example.com");
    Issued p384 = leaf("www.example.com").key(KeyType.EC_P384).issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(p384, INTERMEDIATE), "www.example.com");
  }

  @Test
  void refusesAnRsa1024Leaf() {
    Issued weak = leaf("www.example.com").key(KeyType.RSA_1024).issuedBy(INTERMEDIATE).build();
    CertificateRejectedException e = assertRejected(Reason.WEAK_KEY, "www.example.com", weak, INTERMEDIATE);
    assertTrue(e.getMessage().contains("1024-bit RSA key"), e.getMessage());
  }

  @Test
  void refusesAnRsa1024Intermediate() {
    Issued weak = ca("Weak Intermediate").key(KeyType.RSA_1024).issuedBy(ROOT).build();
    assertRejected(Reason.WEAK_KEY, "www.example.com", leaf("www.example.com").issuedBy(weak).build(), weak);
  }

  @Test
  void refusesAnRsa1024Root() {
    Issued weakRoot = ca("Weak Root").key(KeyType.RSA_1024).build();
    Issued intermediate = ca("Test Intermediate").issuedBy(weakRoot).build();
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policyTrusting(weakRoot).build());
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class, () -> verifier.verify(
        chain(leaf("www.example.com").issuedBy(intermediate).build(), intermediate), "www.example.com"));
    assertEquals(Reason.WEAK_KEY, e.reason(), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC_P224", "EC_SECP256K1", "DSA_2048"})
  void refusesKeysOutsideTheAllowedTypesAndCurves(String keyType) {
    Issued weak = leaf("www.example.com").key(KeyType.valueOf(keyType)).issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.WEAK_KEY, "www.example.com", weak, INTERMEDIATE);
  }

  // Extended key usage.

  @Test
  void refusesALeafForClientAuthenticationOnly() {
    Issued client = leaf("www.example.com").extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
        .issuedBy(INTERMEDIATE).build();
    CertificateRejectedException e = assertRejected(Reason.EXTENDED_KEY_USAGE, "www.example.com", client,
        INTERMEDIATE);
    assertTrue(e.getMessage().contains("serverAuth"), e.getMessage());
  }

  @Test
  void acceptsALeafForServerAndClientAuthentication() throws CertificateException {
    Issued both = leaf("www.example.com").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth,
        KeyPurposeId.id_kp_clientAuth).issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(both, INTERMEDIATE), "www.example.com");
  }

  /** A documented choice: many private PKIs issue server certificates without an EKU. */
  @Test
  void acceptsALeafWithoutExtendedKeyUsage() throws CertificateException {
    verifier().verify(chain(leaf("www.example.com").extendedKeyUsage().issuedBy(INTERMEDIATE).build(),
        INTERMEDIATE), "www.example.com");
  }

  @Test
  void refusesALeafWithAnyExtendedKeyUsage() {
    Issued any = leaf("www.example.com").extendedKeyUsage(KeyPurposeId.id_kp_serverAuth,
        KeyPurposeId.anyExtendedKeyUsage).issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.EXTENDED_KEY_USAGE, "www.example.com", any, INTERMEDIATE);
  }

  @Test
  void refusesAnIntermediateRestrictedToClientAuthentication() {
    Issued clientCa = ca("Client CA").extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issuedBy(ROOT).build();
    assertRejected(Reason.EXTENDED_KEY_USAGE, "www.example.com", leaf("www.example.com").issuedBy(clientCa).build(),
        clientCa);
  }

  // Who may issue.

  @Test
  void refusesAnIssuerWithoutBasicConstraints() {
    Issued notCa = ca("Not A CA").noBasicConstraints().issuedBy(ROOT).build();
    assertRejected(Reason.NOT_A_CA, "www.example.com", leaf("www.example.com").issuedBy(notCa).build(), notCa);
  }

  @Test
  void refusesAnIssuerWhoseBasicConstraintsSayItIsNoCa() {
    Issued notCa = ca("Not A CA").basicConstraints(false, null, true).issuedBy(ROOT).build();
    assertRejected(Reason.NOT_A_CA, "www.example.com", leaf("www.example.com").issuedBy(notCa).build(), notCa);
  }

  @Test
  void refusesAnIssuerWithNonCriticalBasicConstraints() {
    Issued lax = ca("Lax CA").basicConstraints(true, null, false).issuedBy(ROOT).build();
    CertificateRejectedException e = assertRejected(Reason.NOT_A_CA, "www.example.com",
        leaf("www.example.com").issuedBy(lax).build(), lax);
    assertTrue(e.getMessage().contains("non-critical basicConstraints"), e.getMessage());
  }

  @Test
  void refusesAnIssuerWhoseKeyUsageLacksKeyCertSign() {
    Issued signer = ca("Signer").keyUsage(KeyUsage.digitalSignature).issuedBy(ROOT).build();
    assertRejected(Reason.NOT_A_CA, "www.example.com", leaf("www.example.com").issuedBy(signer).build(), signer);
  }

  @Test
  void refusesALeafThatIsACa() {
    Issued caLeaf = leaf("www.example.com").basicConstraints(true, null, true).issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.NOT_A_CA, "www.example.com", caLeaf, INTERMEDIATE);
  }

  @Test
  void refusesALeafWithKeyCertSign() {
    Issued signing = leaf("www.example.com").keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)
        .issuedBy(INTERMEDIATE).build();
    assertRejected(Reason.NOT_A_CA, "www.example.com", signing, INTERMEDIATE);
  }

  @Test
  void acceptsALeafThatSaysItIsNoCa() throws CertificateException {
    Issued explicit = leaf("www.example.com").basicConstraints(false, null, true).issuedBy(INTERMEDIATE).build();
    verifier().verify(chain(explicit, INTERMEDIATE), "www.example.com");
  }

  @Test
  void refusesAPathLongerThanAnIssuersPathLength() throws CertificateException {
    Issued limited = ca("Limited").basicConstraints(true, 0, true).issuedBy(ROOT).build();
    Issued below = ca("Below Limited").issuedBy(limited).build();
    verifier().verify(chain(leaf("www.example.com").issuedBy(limited).build(), limited), "www.example.com");
    CertificateRejectedException e = assertRejected(Reason.PATH_LENGTH, "www.example.com",
        leaf("www.example.com").issuedBy(below).build(), below, limited);
    assertTrue(e.getMessage().contains("CN=Limited allows 0 intermediate certificates below it"), e.getMessage());
  }

  @Test
  void appliesTheRootsOwnPathLength() throws CertificateException {
    Issued limitedRoot = ca("Limited Root").basicConstraints(true, 0, true).build();
    Issued intermediate = ca("Under Limited Root").issuedBy(limitedRoot).build();
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policyTrusting(limitedRoot).build());
    verifier.verify(chain(leaf("www.example.com").issuedBy(limitedRoot).build()), "www.example.com");
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> verifier.verify(chain(leaf("www.example.com").issuedBy(intermediate).build(), intermediate),
            "www.example.com"));
    assertEquals(Reason.PATH_LENGTH, e.reason(), e.getMessage());
  }

  // Name constraints, on intermediates and on the root.

  @Test
  void appliesAnIntermediatesPermittedDnsSubtree() throws CertificateException {
    Issued constrained = ca("Constrained").permitted(dns("example.com")).issuedBy(ROOT).build();
    verifier().verify(chain(leaf("www.example.com").issuedBy(constrained).build(), constrained), "www.example.com");
    assertRejected(Reason.NAME_CONSTRAINTS, "www.example.org", leaf("www.example.org").issuedBy(constrained).build(),
        constrained);
  }

  @Test
  void appliesAnIntermediatesExcludedDnsSubtree() throws CertificateException {
    Issued constrained = ca("Constrained").excluded(dns("secret.example.com")).issuedBy(ROOT).build();
    verifier().verify(chain(leaf("www.example.com").issuedBy(constrained).build(), constrained), "www.example.com");
    assertRejected(Reason.NAME_CONSTRAINTS, "db.secret.example.com",
        leaf("db.secret.example.com").issuedBy(constrained).build(), constrained);
  }

  @Test
  void refusesAWildcardThatCouldStandForAnExcludedName() {
    Issued constrained = ca("Constrained").excluded(dns("secret.example.com")).issuedBy(ROOT).build();
    assertRejected(Reason.NAME_CONSTRAINTS, "www.example.com", leaf("*.example.com").issuedBy(constrained).build(),
        constrained);
  }

  @Test
  void appliesAnIntermediatesIpSubtrees() throws CertificateException {
    Issued constrained = ca("Constrained").permitted(ip("10.0.0.0/8")).excluded(ip("10.9.0.0/16"))
        .issuedBy(ROOT).build();
    verifier().verify(chain(leaf().ipAddresses("10.1.2.3").issuedBy(constrained).build(), constrained), "10.1.2.3");
    assertRejected(Reason.NAME_CONSTRAINTS, "192.0.2.7", leaf().ipAddresses("192.0.2.7").issuedBy(constrained).build(),
        constrained);
    assertRejected(Reason.NAME_CONSTRAINTS, "10.9.0.1", leaf().ipAddresses("10.9.0.1").issuedBy(constrained).build(),
        constrained);
  }

  @Test
  void appliesTheRootsOwnNameConstraints() throws CertificateException {
    Issued root = ca("Constrained Root").permitted(dns("example.com")).excluded(dns("secret.example.com")).build();
    Issued intermediate = ca("Intermediate").issuedBy(root).build();
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policyTrusting(root)
        .eventListener(events::add).build());
    verifier.verify(chain(leaf("www.example.com").issuedBy(intermediate).build(), intermediate), "www.example.com");
    for (String host : new String[] {"www.example.org", "db.secret.example.com"}) {
      CertificateRejectedException e = assertThrows(CertificateRejectedException.class, () -> verifier.verify(
          chain(leaf(host).issuedBy(intermediate).build(), intermediate), host));
      assertEquals(Reason.NAME_CONSTRAINTS, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains("CN=Constrained Root"), e.getMessage());
    }
  }

  @Test
  void refusesADnsNameConstraintWithALeadingPeriod() {
    Issued malformed = ca("Malformed").permitted(dns(".example.com")).issuedBy(ROOT).build();
    assertRejected(Reason.MALFORMED, "www.example.com", leaf("www.example.com").issuedBy(malformed).build(),
        malformed);
    Issued malformedRoot = ca("Malformed Root").permitted(dns(".example.com")).build();
    Issued intermediate = ca("Intermediate").issuedBy(malformedRoot).build();
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> CertificateChainVerifier.create(policyTrusting(malformedRoot).build()).verify(
            chain(leaf("www.example.com").issuedBy(intermediate).build(), intermediate), "www.example.com"));
    assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
  }

  // Events.

  @Test
  void rejectionEventCarriesTheReasonAndTheHost() {
    assertRejected(Reason.HOSTNAME_MISMATCH, "api.example.com", LEAF, INTERMEDIATE);
    SecurityEvent event = events.get(0);
    assertEquals(SecurityEvent.Kind.CERTIFICATE_REJECTED, event.kind());
    assertEquals("HOSTNAME_MISMATCH", event.reason());
    assertEquals("api.example.com", event.host());
    assertEquals(NOW, event.time());
    assertTrue(event.message().contains("DNS:www.example.com"), event.message());
  }

  @Test
  void noEventOrMessageContainsACredential() {
    SecurityPolicy policy = policyTrusting(ROOT).eventListener(events::add)
        .credential(Credential.bearer("www.example.com", "bearer-s3cr3t"))
        .credential(Credential.header("**.example.com", "X-Api-Key", "key-s3cr3t"))
        .pin("www.example.com", ca("Unrelated").build().pin(), ca("Backup").build().pin())
        .build();
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policy);
    List<String> texts = new ArrayList<>();
    for (String host : new String[] {"www.example.com", "api.example.com", null, "bad host"}) {
      for (List<X509Certificate> chain : List.of(chain(LEAF, INTERMEDIATE), chain(LEAF))) {
        try {
          verifier.verify(chain, host);
        } catch (CertificateException e) {
          texts.add(e.getMessage());
        }
      }
    }
    for (SecurityEvent event : events) {
      texts.add(event.toString());
      texts.add(event.message());
    }
    assertEquals(8, events.size(), events.toString());
    for (String text : texts) assertFalse(text.contains("s3cr3t"), text);
  }

  private CertificateChainVerifier verifier() {
    return CertificateChainVerifier.create(policyTrusting(ROOT).eventListener(events::add).build());
  }

  /** Asserts that {@code certificates} are refused for {@code host}, with one event naming the reason. */
  private CertificateRejectedException assertRejected(Reason reason, String host, Issued... certificates) {
    events.clear();
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> verifier().verify(chain(certificates), host));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("(" + reason + ")"), e.getMessage());
    assertEquals(1, events.size(), events.toString());
    assertEquals(SecurityEvent.Kind.CERTIFICATE_REJECTED, events.get(0).kind());
    assertEquals(reason.name(), events.get(0).reason());
    assertEquals(host, events.get(0).host());
    return e;
  }
}
