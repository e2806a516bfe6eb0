package dev.hardwire.testing;

import dev.hardwire.core.SecurityPolicy;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A private PKI generated at start: root, intermediate, and leaves for {@code localhost} and
 * {@code 127.0.0.1}, EC P-256 by default ({@link KeyType#RSA_2048} on request). Servers present
 * leaf + intermediate; clients trust the root through {@link SecurityPolicy.Builder#trustAnchors}.
 */
public final class TestPki {
  /** The key type of every certificate of a PKI. */
  public enum KeyType {
    EC_P256,
    RSA_2048
  }

  private final KeyType keyType;
  private final HeldCertificate root;
  private final HeldCertificate intermediate;

  private TestPki(KeyType keyType, HeldCertificate root, HeldCertificate intermediate) {
    this.keyType = keyType;
    this.root = root;
    this.intermediate = intermediate;
  }

  /** A fresh EC P-256 root and intermediate. */
  public static TestPki create() {
    return create(KeyType.EC_P256);
  }

  /** A fresh root and intermediate whose keys, and those of their leaves, are {@code keyType}. */
  public static TestPki create(KeyType keyType) {
    HeldCertificate root = builder(keyType)
        .certificateAuthority(1)
        .commonName("Hardwire Test Root")
        .validityInterval(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1),
            System.currentTimeMillis() + TimeUnit.DAYS.toMillis(365))
        .build();
    HeldCertificate intermediate = builder(keyType)
        .certificateAuthority(0)
        .commonName("Hardwire Test Intermediate")
        .signedBy(root)
        .validityInterval(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1),
            System.currentTimeMillis() + TimeUnit.DAYS.toMillis(365))
        .build();
    return new TestPki(keyType, root, intermediate);
  }

  private static HeldCertificate.Builder builder(KeyType keyType) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder();
    return keyType == KeyType.RSA_2048 ? builder.rsa2048() : builder.ecdsa256();
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
    return builder(keyType)
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
