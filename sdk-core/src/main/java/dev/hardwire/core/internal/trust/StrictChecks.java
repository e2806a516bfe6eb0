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
 * The rules Hardwire adds on top of the platform's PKIX validation of a path: strong keys and
 * signatures everywhere, CAs that really are CAs, and a leaf made for TLS servers. Allow-lists, so
 * anything new or unknown is refused rather than let through.
 */
final class StrictChecks {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
  private static final int KEY_CERT_SIGN = 5;
  private static final int MIN_RSA_BITS = 2048;

  /** sha256/384/512WithRSA, RSASSA-PSS, ecdsa-with-SHA256/384/512. */
  private static final Set<String> SIGNATURE_ALGORITHMS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
      "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.10",
      "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4")));

  private static final List<ECParameterSpec> CURVES = curves("secp256r1", "secp384r1", "secp521r1");

  private StrictChecks() {
  }

  /**
   * Checks {@code path}: leaf first, the trust anchor's certificate last.
   *
   * @throws CertificateRejectedException naming the first rule broken
   */
  static void check(List<X509Certificate> path, String host) throws CertificateRejectedException {
    int anchor = path.size() - 1;
    for (int i = 0; i < path.size(); i++) {
      X509Certificate certificate = path.get(i);
      checkKey(certificate, host);
      // A root's self-signature is not relied on: it is trusted because it is configured.
      if (i != anchor) checkSignature(certificate, host);
      if (i > 0) checkIssuer(certificate, host);
    }
    checkLeaf(path.get(0), host);
  }

  private static void checkKey(X509Certificate certificate, String host) throws CertificateRejectedException {
    PublicKey key = certificate.getPublicKey();
    if (key instanceof RSAPublicKey) {
      int bits = ((RSAPublicKey) key).getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw reject(Reason.WEAK_KEY, host, name(certificate) + " has a " + bits + "-bit RSA key",
            "Reissue it with an RSA key of at least 2048 bits, or an EC P-256 key.");
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

  private static void checkSignature(X509Certificate certificate, String host) throws CertificateRejectedException {
    String oid = certificate.getSigAlgOID();
    if (!SIGNATURE_ALGORITHMS.contains(oid)) {
      throw reject(Reason.WEAK_SIGNATURE, host, name(certificate) + " is signed with " + certificate.getSigAlgName()
          + " (" + oid + ")", "MD5 and SHA-1 signatures are forgeable; reissue it signed with SHA-256 or stronger.");
    }
  }

  private static void checkIssuer(X509Certificate issuer, String host) throws CertificateRejectedException {
    if (issuer.getVersion() != 3 || issuer.getBasicConstraints() < 0) {
      throw reject(Reason.NOT_A_CA, host, name(issuer) + " issued a certificate but is not a CA (no basicConstraints"
          + " cA=TRUE)", "The server sent a wrong chain, or the issuer was misissued; use a chain of real CA"
          + " certificates.");
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

  private static void checkLeaf(X509Certificate leaf, String host) throws CertificateRejectedException {
    if (leaf.getVersion() != 3) {
      throw reject(Reason.MALFORMED, host, name(leaf) + " is an X.509 v" + leaf.getVersion() + " certificate",
          "Server certificates must be X.509 v3 with subjectAltNames; reissue it.");
    }
    if (leaf.getBasicConstraints() >= 0) {
      throw reject(Reason.NOT_A_CA, host, name(leaf) + " is a CA certificate (basicConstraints cA=TRUE) used as a"
          + " server certificate", "Serve a leaf certificate issued by the CA, not the CA itself.");
    }
    List<String> eku = extendedKeyUsage(leaf, host);
    if (eku != null && !eku.contains(SERVER_AUTH)) {
      throw reject(Reason.EXTENDED_KEY_USAGE, host, name(leaf) + " has extended key usages " + eku
          + " without serverAuth (" + SERVER_AUTH + ")", "Reissue it with the serverAuth extended key usage.");
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
      if (sameCurve(curve, params)) return true;
    }
    return false;
  }

  private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
    BigInteger order = a.getOrder();
    return order.equals(b.getOrder())
        && a.getCofactor() == b.getCofactor()
        && a.getGenerator().equals(b.getGenerator())
        && a.getCurve().equals(b.getCurve());
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
