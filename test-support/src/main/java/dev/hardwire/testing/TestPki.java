package dev.hardwire.testing;

import dev.hardwire.core.SecurityPolicy;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A private PKI generated at start: root, intermediate, and leaves for {@code localhost} and
 * {@code 127.0.0.1}, EC P-256 by default. Servers present leaf + intermediate; clients trust the
 * root through {@link SecurityPolicy.Builder#trustAnchors}.
 */
public final class TestPki {
  private final HeldCertificate root;
  private final HeldCertificate intermediate;

  private TestPki(HeldCertificate root, HeldCertificate intermediate) {
    this.root = root;
    this.intermediate = intermediate;
  }

  /** A fresh root and intermediate. */
  public static TestPki create() {
    HeldCertificate root = new HeldCertificate.Builder()
        .certificateAuthority(1)
        .commonName("Hardwire Test Root")
        .validityInterval(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1),
            System.currentTimeMillis() + TimeUnit.DAYS.toMillis(365))
        .build();
    HeldCertificate intermediate = new HeldCertificate.Builder()
        .certificateAuthority(0)
        .commonName("Hardwire Test Intermediate")
        .signedBy(root)
        .validityInterval(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1),
            System.currentTimeMillis() + TimeUnit.DAYS.toMillis(365))
        .build();
    return new TestPki(root, intermediate);
  }

  public X509Certificate root() {
    return root.certificate();
  }

  public HeldCertificate intermediate() {
    return intermediate;
  }

  /** A leaf for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, signed by the intermediate. */
  public HeldCertificate leaf() {
    return leaf("localhost");
  }

  /** A leaf with {@code dnsName} (and the loopback IPs) as SANs, signed by the intermediate. */
  public HeldCertificate leaf(String dnsName) {
    return new HeldCertificate.Builder()
        .addSubjectAlternativeName(dnsName)
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("::1")
        .signedBy(intermediate)
        .build();
  }

  /** Server-side certificates: {@code leaf} with the intermediate as its chain. */
  public HandshakeCertificates serverCertificates(HeldCertificate leaf) {
    return new HandshakeCertificates.Builder()
        .heldCertificate(leaf, intermediate.certificate())
        .build();
  }

  /** Server-side certificates for {@link #leaf()}. */
  public HandshakeCertificates serverCertificates() {
    return serverCertificates(leaf());
  }

  /** A policy builder that trusts only this PKI's root. */
  public SecurityPolicy.Builder policyBuilder() {
    return SecurityPolicy.builder().trustAnchors(Collections.singletonList(root()));
  }
}
