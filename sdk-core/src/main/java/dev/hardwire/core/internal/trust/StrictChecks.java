package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.internal.trust.Rejections.name;
import static dev.hardwire.core.internal.trust.Rejections.reject;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-certificate rules Hardwire adds to the platform's PKIX: strong keys and signatures, CAs
 * that are CAs by the profile (RFC 5280 and the CA/Browser Forum's), a leaf made for TLS servers.
 * Allow-lists, so anything new or unknown is refused rather than let through.
 */
final class StrictChecks {
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
  private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String POLICY_CONSTRAINTS = "2.5.29.36";
  private static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
  private static final int KEY_CERT_SIGN = 5;
  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_SERIAL_OCTETS = 20;

  /** sha256/384/512WithRSA, RSASSA-PSS, ecdsa-with-SHA256/384/512. */
  private static final Set<String> SIGNATURE_ALGORITHMS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
      "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.10",
      "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4")));

  /** Extensions a root may mark critical: the ones path validation understands. */
  private static final Set<String> UNDERSTOOD_CRITICAL = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
      BASIC_CONSTRAINTS, "2.5.29.15", NameConstraints.OID, POLICY_CONSTRAINTS, EXTENDED_KEY_USAGE, "2.5.29.17",
      "2.5.29.32", "2.5.29.33", "2.5.29.54")));

  private static final List<ECParameterSpec> CURVES = curves("secp256r1", "secp384r1", "secp521r1");

  private StrictChecks() {
  }

  /** Rules for every certificate of a path, the root's included. */
  static void checkAny(Extensions extensions, X509Certificate certificate, String host) throws CertificateRejectedException {
    checkKey(certificate, host);
    Set<String> critical = certificate.getCriticalExtensionOIDs();
    if (critical != null && (critical.contains(SUBJECT_KEY_IDENTIFIER) || critical.contains(AUTHORITY_KEY_IDENTIFIER)
        || critical.contains(AUTHORITY_INFO_ACCESS))) {
      throw reject(Reason.MALFORMED, host, name(certificate) + " marks a key identifier or authority information"
          + " access extension critical", "Reissue it with those extensions non-critical (RFC 5280 4.2.1).");
    }
    for (String mustBeCritical : new String[] {POLICY_CONSTRAINTS, NameConstraints.OID}) {
      if (extensions.value(certificate, mustBeCritical) != null
          && (critical == null || !critical.contains(mustBeCritical))) {
        throw reject(Reason.MALFORMED, host, name(certificate) + " has extension " + mustBeCritical + " (policy or name"
            + " constraints) marked non-critical", "RFC 5280 4.2.1.10 and 4.2.1.11 require it critical; reissue the CA.");
      }
    }
    checkAuthorityInfoAccess(extensions, certificate, host);
  }

  /** Rules for a certificate that signed another one in the path: intermediates and the root. */
  static void checkIssuer(X509Certificate issuer, String host) throws CertificateRejectedException {
    if (issuer.getVersion() != 3 || issuer.getBasicConstraints() < 0) {
      throw reject(Reason.NOT_A_CA, host, name(issuer) + " issued a certificate but is not a CA (no basicConstraints"
          + " cA=TRUE)", "The server sent a wrong chain, or the issuer was misissued; use real CA certificates.");
    }
    Set<String> critical = issuer.getCriticalExtensionOIDs();
    if (critical == null || !critical.contains(BASIC_CONSTRAINTS)) {
      throw reject(Reason.NOT_A_CA, host, name(issuer) + " has a non-critical basicConstraints extension",
          "RFC 5280 4.2.1.9 requires it critical in CA certificates; reissue the CA.");
    }
    boolean[] keyUsage = issuer.getKeyUsage();
    if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
      throw reject(Reason.NOT_A_CA, host, name(issuer) + " issued a certificate but its keyUsage lacks keyCertSign",
          "Use a CA certificate whose keyUsage allows signing certificates.");
    }
    List<String> eku = extendedKeyUsage(issuer, host);
    if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_EXTENDED_KEY_USAGE)) {
      throw reject(Reason.EXTENDED_KEY_USAGE, host, name(issuer) + " restricts its subordinates to extended key"
          + " usages " + eku + ", without serverAuth", "Use a CA that may issue TLS server certificates.");
    }
  }

  /**
   * Rules for what an issuer signed: every certificate but the root, which is trusted because it is
   * configured (some roots in platform stores have serial number 0).
   */
  static void checkIssued(X509Certificate certificate, String host) throws CertificateRejectedException {
    BigInteger serial = certificate.getSerialNumber();
    if (serial.signum() <= 0 || serial.toByteArray().length > MAX_SERIAL_OCTETS) {
      throw reject(Reason.MALFORMED, host, name(certificate) + " has serial number " + serial + ", which is not a"
          + " positive integer of at most 20 octets", "Reissue it (RFC 5280 4.1.2.2).");
    }
    String oid = certificate.getSigAlgOID();
    if (!SIGNATURE_ALGORITHMS.contains(oid)) {
      throw reject(Reason.WEAK_SIGNATURE, host, name(certificate) + " is signed with " + certificate.getSigAlgName()
          + " (" + oid + ")", "MD5 and SHA-1 signatures are forgeable; reissue it signed with SHA-256 or stronger.");
    }
  }

  /** Rules for the root, which the platform's PKIX takes as given. */
  static void checkRoot(Extensions extensions, X509Certificate root, String host) throws CertificateRejectedException {
    checkAny(extensions, root, host);
    checkAuthorityKeyIdentifier(extensions, root, true, host);
    if (root.getBasicConstraints() < 0) {
      throw reject(Reason.NOT_A_CA, host, "trust anchor " + name(root) + " is not a CA certificate (no basicConstraints"
          + " cA=TRUE)", "A trust anchor must be a CA: issue the server's certificate from a private CA and trust that"
          + " CA with trustAnchors() (see docs/migration/trust-all.md), or pin the server's key.");
    }
    checkIssuer(root, host);
    Set<String> critical = root.getCriticalExtensionOIDs();
    if (critical != null) {
      for (String oid : critical) {
        if (!UNDERSTOOD_CRITICAL.contains(oid)) {
          throw reject(Reason.MALFORMED, host, "root " + name(root) + " has an unknown critical extension " + oid,
              "A validator must reject what it cannot process (RFC 5280 4.2); use another root.");
        }
      }
    }
    if (extensions.value(root, EXTENDED_KEY_USAGE) != null) {
      throw reject(Reason.EXTENDED_KEY_USAGE, host, "root " + name(root) + " has an extendedKeyUsage extension",
          "The CA/Browser Forum forbids it in roots (7.1.2.1.2); use a root without one.");
    }
  }

  /** Rules for the end-entity certificate. */
  static void checkLeaf(Extensions extensions, X509Certificate leaf, String host) throws CertificateRejectedException {
    if (leaf.getVersion() != 3) {
      throw reject(Reason.MALFORMED, host, name(leaf) + " is an X.509 v" + leaf.getVersion() + " certificate",
          "Server certificates must be X.509 v3 with subjectAltNames; reissue it.");
    }
    if (leaf.getBasicConstraints() >= 0) {
      throw reject(Reason.NOT_A_CA, host, name(leaf) + " is a CA certificate (basicConstraints cA=TRUE) used as a"
          + " server certificate", "Serve a leaf certificate issued by the CA, not the CA itself.");
    }
    boolean[] keyUsage = leaf.getKeyUsage();
    if (keyUsage != null && keyUsage.length > KEY_CERT_SIGN && keyUsage[KEY_CERT_SIGN]) {
      throw reject(Reason.NOT_A_CA, host, name(leaf) + " is not a CA but its keyUsage asserts keyCertSign",
          "RFC 5280 4.2.1.3 allows keyCertSign only with cA=TRUE; reissue it.");
    }
    if (extensions.value(leaf, NameConstraints.OID) != null) {
      throw reject(Reason.MALFORMED, host, name(leaf) + " is a leaf with a nameConstraints extension",
          "Name constraints belong in CA certificates only (RFC 5280 4.2.1.10); reissue it.");
    }
    List<String> eku = extendedKeyUsage(leaf, host);
    if (eku != null && (!eku.contains(SERVER_AUTH) || eku.contains(ANY_EXTENDED_KEY_USAGE))) {
      throw reject(Reason.EXTENDED_KEY_USAGE, host, name(leaf) + " has extended key usages " + eku
          + " (serverAuth is required, anyExtendedKeyUsage is forbidden)", "Reissue it with the serverAuth extended"
          + " key usage.");
    }
    Set<String> critical = leaf.getCriticalExtensionOIDs();
    if (eku != null && critical != null && critical.contains(EXTENDED_KEY_USAGE)) {
      throw reject(Reason.EXTENDED_KEY_USAGE, host, name(leaf) + " marks its extended key usage critical",
          "The CA/Browser Forum requires it non-critical (7.1.2.7.10); reissue it.");
    }
    SubjectNames.check(leaf, host);
  }

  private static void checkKey(X509Certificate certificate, String host) throws CertificateRejectedException {
    PublicKey key = certificate.getPublicKey();
    if (key instanceof RSAPublicKey) {
      int bits = ((RSAPublicKey) key).getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw reject(Reason.WEAK_KEY, host, name(certificate) + " has a " + bits + "-bit RSA key",
            "Reissue it with an RSA key of at least 2048 bits, or an EC P-256 key.");
      }
      if (bits % 8 != 0) {
        throw reject(Reason.WEAK_KEY, host, name(certificate) + " has an RSA modulus of " + bits + " bits, not a whole"
            + " number of bytes", "The CA/Browser Forum requires a modulus size divisible by 8; reissue it.");
      }
    } else if (key instanceof ECPublicKey) {
      if (!isAllowedCurve(((ECPublicKey) key).getParams())) {
        throw reject(Reason.WEAK_KEY, host, name(certificate) + " has an EC key on a curve other than P-256, P-384"
            + " or P-521", "Reissue it with a P-256 or P-384 key.");
      }
    } else {
      throw reject(Reason.WEAK_KEY, host, name(certificate) + " has a " + key.getAlgorithm() + " key",
          "Only RSA (2048 bits or more) and EC (P-256, P-384, P-521) keys are accepted; reissue it with one of those.");
    }
  }

  /** CA/B Forum 7.1.2.11.1: keyIdentifier present, issuer and serial number absent. */
  static void checkAuthorityKeyIdentifier(Extensions extensions, X509Certificate certificate, boolean isRoot,
      String host)
      throws CertificateRejectedException {
    byte[] value = extensions.value(certificate, AUTHORITY_KEY_IDENTIFIER);
    if (value == null) return;
    try {
      byte[] keyIdentifier = null;
      for (Der.Element field : Der.extension(value).children()) {
        if (field.tag != 0x80) throw new IllegalArgumentException("authorityCertIssuer or serial number present");
        keyIdentifier = field.content();
      }
      if (keyIdentifier == null) throw new IllegalArgumentException("no keyIdentifier");
      byte[] ski = extensions.value(certificate, SUBJECT_KEY_IDENTIFIER);
      boolean selfIssued = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
      if (isRoot && selfIssued && ski != null && !Arrays.equals(Der.extension(ski).content(), keyIdentifier)) {
        throw new IllegalArgumentException("the root's keyIdentifier differs from its own subjectKeyIdentifier");
      }
    } catch (IllegalArgumentException e) {
      throw reject(Reason.MALFORMED, host, name(certificate) + " has an authorityKeyIdentifier that is malformed or not"
          + " a plain keyIdentifier (" + e.getMessage() + ")", "Reissue it with a keyIdentifier only.");
    }
  }

  private static void checkAuthorityInfoAccess(Extensions extensions, X509Certificate certificate, String host)
      throws CertificateRejectedException {
    byte[] value = extensions.value(certificate, AUTHORITY_INFO_ACCESS);
    if (value == null) return;
    try {
      Der.Element access = Der.extension(value);
      if (access.tag != Der.SEQUENCE || access.children().isEmpty()) throw new IllegalArgumentException("empty");
      for (Der.Element description : access.children()) {
        if (description.tag != Der.SEQUENCE || description.children().size() != 2) {
          throw new IllegalArgumentException("not an AccessDescription");
        }
      }
    } catch (IllegalArgumentException e) {
      throw reject(Reason.MALFORMED, host, name(certificate) + " has a malformed authorityInfoAccess extension",
          "Reissue it.");
    }
  }

  private static List<String> extendedKeyUsage(X509Certificate certificate, String host)
      throws CertificateRejectedException {
    try {
      return certificate.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw reject(Reason.MALFORMED, host, name(certificate) + " has a malformed extended key usage extension",
          "Reissue it.", e);
    }
  }

  private static boolean isAllowedCurve(ECParameterSpec params) {
    for (ECParameterSpec curve : CURVES) {
      if (curve.getOrder().equals(params.getOrder()) && curve.getCofactor() == params.getCofactor()
          && curve.getGenerator().equals(params.getGenerator()) && curve.getCurve().equals(params.getCurve())) {
        return true;
      }
    }
    return false;
  }

  private static List<ECParameterSpec> curves(String... names) {
    ECParameterSpec[] result = new ECParameterSpec[names.length];
    try {
      for (int i = 0; i < names.length; i++) {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(names[i]));
        result[i] = parameters.getParameterSpec(ECParameterSpec.class);
      }
    } catch (GeneralSecurityException e) {
      throw new AssertionError("Every Java platform has the NIST curves", e);
    }
    return Collections.unmodifiableList(Arrays.asList(result));
  }
}
