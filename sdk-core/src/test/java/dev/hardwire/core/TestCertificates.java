package dev.hardwire.core;

import dev.hardwire.core.internal.trust.SpkiPins;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for the verifier's tests, built with Bouncy Castle so that every field a rule reads
 * can be set, and set wrong on purpose: key type, signature algorithm, validity, basicConstraints
 * (critical or not), keyUsage, extendedKeyUsage, subjectAltNames, name constraints, key identifiers.
 *
 * <pre>{@code
 * Issued root = TestCertificates.ca("Root").build();
 * Issued intermediate = TestCertificates.ca("Intermediate").issuedBy(root).build();
 * Issued leaf = TestCertificates.leaf("www.example.com").issuedBy(intermediate).build();
 * CertificateChainVerifier.create(TestCertificates.policyTrusting(root).build())
 *     .verify(TestCertificates.chain(leaf, intermediate), "www.example.com");
 * }</pre>
 *
 * <p>Everything is valid around {@link #NOW}, a fixed instant far from the wall clock, so that a
 * rule that read the system clock instead of the policy's would fail these tests.
 */
public final class TestCertificates {
  /** The policy clock's time in these tests. */
  public static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  /** Bouncy Castle as a provider object, never installed: the platform's lists stay untouched. */
  private static final Provider BC = new BouncyCastleProvider();
  private static final AtomicLong SERIALS = new AtomicLong(1000);
  /** RSA keys take tens of milliseconds each; one per key type and subject is enough. */
  private static final Map<String, KeyPair> SLOW_KEYS = new ConcurrentHashMap<>();

  /** Key types, the weak ones included. */
  public enum KeyType {
    EC_P256, EC_P384, EC_P224, EC_SECP256K1, RSA_1024, RSA_2048, DSA_2048
  }

  private TestCertificates() {
  }

  /** A CA certificate: basicConstraints cA=TRUE (critical), keyUsage keyCertSign and cRLSign. */
  public static Builder ca(String commonName) {
    return new Builder(commonName).basicConstraints(true, null, true).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
        .extendedKeyUsage();
  }

  /** A server certificate for {@code dnsNames}: keyUsage digitalSignature, EKU serverAuth. */
  public static Builder leaf(String... dnsNames) {
    return new Builder(dnsNames.length > 0 ? dnsNames[0] : "Leaf").keyUsage(KeyUsage.digitalSignature)
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).dnsNames(dnsNames);
  }

  /** The certificates of {@code issued}, in the order given (leaf first). */
  public static List<X509Certificate> chain(Issued... issued) {
    List<X509Certificate> result = new ArrayList<>();
    for (Issued i : issued) result.add(i.certificate());
    return result;
  }

  /** A policy builder that trusts only {@code roots} and whose clock stands at {@link #NOW}. */
  public static SecurityPolicy.Builder policyTrusting(Issued... roots) {
    return SecurityPolicy.builder().trustAnchors(chain(roots)).clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A name constraint's base: {@code dns("example.com")}. */
  public static GeneralName dns(String name) {
    return new GeneralName(GeneralName.dNSName, name);
  }

  /** A name constraint's base: {@code ip("10.0.0.0/8")}, or an iPAddress SAN without the mask. */
  public static GeneralName ip(String addressAndMask) {
    return new GeneralName(GeneralName.iPAddress, addressAndMask);
  }

  /** A certificate with its key pair. */
  public static final class Issued {
    private final X509Certificate certificate;
    private final KeyPair keyPair;

    Issued(X509Certificate certificate, KeyPair keyPair) {
      this.certificate = certificate;
      this.keyPair = keyPair;
    }

    public X509Certificate certificate() {
      return certificate;
    }

    public KeyPair keyPair() {
      return keyPair;
    }

    /** This certificate's SPKI pin, {@code sha256/...}. */
    public String pin() {
      return SpkiPins.of(certificate);
    }

    /** For okhttp-tls {@code HandshakeCertificates} on a test server. */
    public HeldCertificate held() {
      return new HeldCertificate(keyPair, certificate);
    }
  }

  /** Builds one certificate; defaults are those of a well-formed CA/Browser Forum profile. */
  public static final class Builder {
    private X500Principal subject;
    private KeyType keyType = KeyType.EC_P256;
    private KeyPair keyPair;
    private Issued issuer;
    private String signatureAlgorithm;
    private Instant notBefore = NOW.minus(Duration.ofDays(30));
    private Instant notAfter = NOW.plus(Duration.ofDays(60));
    private BasicConstraints basicConstraints;
    private boolean basicConstraintsCritical;
    private int keyUsage = -1;
    private KeyPurposeId[] extendedKeyUsage = {};
    private final List<GeneralName> subjectAltNames = new ArrayList<>();
    private final List<GeneralSubtree> permitted = new ArrayList<>();
    private final List<GeneralSubtree> excluded = new ArrayList<>();
    private boolean keyIdentifiers = true;

    Builder(String commonName) {
      this.subject = new X500Principal("CN=" + commonName);
    }

    /** The whole subject, such as {@code "CN=a, O=b"}; an empty string for none. */
    public Builder subject(String distinguishedName) {
      this.subject = new X500Principal(distinguishedName);
      return this;
    }

    public Builder key(KeyType keyType) {
      this.keyType = keyType;
      this.keyPair = null;
      return this;
    }

    /** Reuses an existing key, as a renewed or cross-signed certificate does. */
    public Builder keyPair(KeyPair keyPair) {
      this.keyPair = keyPair;
      return this;
    }

    public Builder issuedBy(Issued issuer) {
      this.issuer = issuer;
      return this;
    }

    /** A JCA name such as {@code SHA1withRSA}; by default SHA-256 with the issuer's key type. */
    public Builder signatureAlgorithm(String signatureAlgorithm) {
      this.signatureAlgorithm = signatureAlgorithm;
      return this;
    }

    public Builder validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    /** basicConstraints with {@code cA} and an optional pathLenConstraint. */
    public Builder basicConstraints(boolean ca, Integer pathLength, boolean critical) {
      this.basicConstraints = ca && pathLength != null ? new BasicConstraints(pathLength) : new BasicConstraints(ca);
      this.basicConstraintsCritical = critical;
      return this;
    }

    public Builder noBasicConstraints() {
      this.basicConstraints = null;
      return this;
    }

    /** Bouncy Castle {@link KeyUsage} bits, such as {@code KeyUsage.keyCertSign}; -1 for none. */
    public Builder keyUsage(int keyUsage) {
      this.keyUsage = keyUsage;
      return this;
    }

    /** The extendedKeyUsage purposes; none leaves the extension out. */
    public Builder extendedKeyUsage(KeyPurposeId... purposes) {
      this.extendedKeyUsage = purposes.clone();
      return this;
    }

    /** Adds dNSName subjectAltNames, written as given (malformed ones included). */
    public Builder dnsNames(String... names) {
      for (String name : names) subjectAltNames.add(dns(name));
      return this;
    }

    /** Adds iPAddress subjectAltNames. */
    public Builder ipAddresses(String... addresses) {
      for (String address : addresses) subjectAltNames.add(ip(address));
      return this;
    }

    public Builder permitted(GeneralName... bases) {
      for (GeneralName base : bases) permitted.add(new GeneralSubtree(base));
      return this;
    }

    public Builder excluded(GeneralName... bases) {
      for (GeneralName base : bases) excluded.add(new GeneralSubtree(base));
      return this;
    }

    /** Leaves out the subject and authority key identifiers. */
    public Builder noKeyIdentifiers() {
      this.keyIdentifiers = false;
      return this;
    }

    public Issued build() {
      try {
        KeyPair subjectKeys = keyPair != null ? keyPair : generate(keyType, subject.getName());
        KeyPair signingKeys = issuer != null ? issuer.keyPair() : subjectKeys;
        X500Principal issuerName = issuer != null ? issuer.certificate().getSubjectX500Principal() : subject;
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
            BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
            subjectKeys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        if (basicConstraints != null) {
          builder.addExtension(Extension.basicConstraints, basicConstraintsCritical, basicConstraints);
        }
        if (keyUsage != -1) builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        if (extendedKeyUsage.length > 0) {
          builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
        }
        if (!subjectAltNames.isEmpty()) {
          builder.addExtension(Extension.subjectAlternativeName, subject.getName().isEmpty(),
              new GeneralNames(subjectAltNames.toArray(new GeneralName[0])));
        }
        if (!permitted.isEmpty() || !excluded.isEmpty()) {
          builder.addExtension(Extension.nameConstraints, true, new NameConstraints(
              permitted.isEmpty() ? null : permitted.toArray(new GeneralSubtree[0]),
              excluded.isEmpty() ? null : excluded.toArray(new GeneralSubtree[0])));
        }
        if (keyIdentifiers) {
          builder.addExtension(Extension.subjectKeyIdentifier, false,
              utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
          builder.addExtension(Extension.authorityKeyIdentifier, false,
              utils.createAuthorityKeyIdentifier(signingKeys.getPublic()));
        }
        String algorithm = signatureAlgorithm != null ? signatureAlgorithm : sha256With(signingKeys);
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signingKeys.getPrivate())));
        return new Issued(certificate, subjectKeys);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot build test certificate " + subject, e);
      }
    }
  }

  private static String sha256With(KeyPair keys) {
    switch (keys.getPublic().getAlgorithm()) {
      case "RSA":
        return "SHA256withRSA";
      case "DSA":
        return "SHA256withDSA";
      default:
        return "SHA256withECDSA";
    }
  }

  /** EC keys are fresh each time (they are cheap); RSA and DSA keys are cached per subject. */
  private static KeyPair generate(KeyType type, String subject) throws GeneralSecurityException {
    switch (type) {
      case EC_P256:
        return ec("secp256r1");
      case EC_P384:
        return ec("secp384r1");
      case EC_P224:
        return ec("secp224r1");
      case EC_SECP256K1:
        return ec("secp256k1");
      default:
        KeyPair cached = SLOW_KEYS.get(type + subject);
        if (cached != null) return cached;
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type == KeyType.DSA_2048 ? "DSA" : "RSA");
        generator.initialize(type == KeyType.RSA_1024 ? 1024 : 2048);
        KeyPair generated = generator.generateKeyPair();
        KeyPair raced = SLOW_KEYS.putIfAbsent(type + subject, generated);
        return raced != null ? raced : generated;
    }
  }

  /** JDK 17 no longer generates P-224 or secp256k1 keys; Bouncy Castle does. */
  private static KeyPair ec(String curve) throws GeneralSecurityException {
    boolean nist = curve.equals("secp256r1") || curve.equals("secp384r1");
    KeyPairGenerator generator = nist ? KeyPairGenerator.getInstance("EC") : KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }
}
