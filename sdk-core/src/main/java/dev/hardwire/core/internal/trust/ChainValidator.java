package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.internal.trust.Rejections.name;
import static dev.hardwire.core.internal.trust.Rejections.reject;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.x500.X500Principal;

/**
 * Builds and validates a path from a server's chain to a trust anchor with the platform's PKIX
 * {@link CertPathBuilder} (Hardwire never builds paths itself), then applies {@link StrictChecks}.
 *
 * <p>The JDK's {@code CertificateFactory.generateCertificate} hands out one cached object per
 * encoding. Such an object remembers which key verified its signature, so reusing it spares every
 * later handshake with the same server the signature checks (measured: 2.5 ms of EC arithmetic per
 * handshake on JDK 17). But the JDK's PKIX code narrows the name-constraints extension object of
 * those certificates while walking a path, so two threads validating a constrained chain corrupted
 * each other ({@code ConcurrentModificationException}, measured here): chains with name
 * constraints are parsed into private copies with {@code generateCertificates} (plural), which
 * bypasses the cache.
 */
final class ChainValidator {
  private final TrustAnchors anchors;

  ChainValidator(TrustAnchors anchors) {
    this.anchors = anchors;
  }

  /**
   * Returns the validated path, leaf first and the trust anchor's certificate last.
   *
   * @throws CertificateRejectedException naming the first rule the chain breaks
   */
  List<X509Certificate> validate(List<X509Certificate> chain, Date time, String host)
      throws CertificateRejectedException {
    if (chain == null || chain.isEmpty()) {
      throw reject(Reason.MALFORMED, host, "the server sent no certificate", "Configure the server's certificate.");
    }
    Extensions extensions = new Extensions();
    List<X509Certificate> copies = parsedForValidation(extensions, chain, host);
    X509Certificate leaf = copies.get(0);
    checkValidity(leaf, time, host);
    AtomicReference<CertificateRejectedException> lastRejection = new AtomicReference<>();
    PKIXCertPathBuilderResult result;
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(leaf);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors.anchors(), target);
      parameters.addCertPathChecker(new PathRules(extensions, leaf, host, lastRejection));
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(copies)));
      // Revocation would need the network during a handshake; it is out of scope (see LIMBO.md).
      parameters.setRevocationEnabled(false);
      parameters.setDate(time);
      result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    } catch (CertPathBuilderException e) {
      throw lastRejection.get() != null ? lastRejection.get() : diagnose(copies, time, host, e);
    } catch (GeneralSecurityException e) {
      throw reject(Reason.UNTRUSTED, host, "the chain could not be validated (" + e + ")", "Check the chain.", e);
    }
    List<X509Certificate> path = new ArrayList<>();
    for (Certificate certificate : result.getCertPath().getCertificates()) path.add((X509Certificate) certificate);
    X509Certificate root = result.getTrustAnchor().getTrustedCert();
    path.add(root);
    StrictChecks.checkRoot(extensions, root, host);
    checkRootPathLength(path, root, host);
    NameConstraints.check(extensions, path, host);
    return path;
  }

  private static List<X509Certificate> parsedForValidation(Extensions extensions, List<X509Certificate> chain,
      String host)
      throws CertificateRejectedException {
    try {
      ByteArrayOutputStream encoded = new ByteArrayOutputStream();
      for (X509Certificate certificate : chain) encoded.write(certificate.getEncoded());
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      if (!anyNameConstraints(extensions, chain)) {
        // The platform factory's cache hands out one object per encoding, and that object
        // remembers which key verified its signature: the same server chain is not verified
        // again on every handshake, as the platform's own trust manager does not. Only name
        // constraints make the shared objects unsafe (the JDK narrows them while walking a path).
        List<X509Certificate> shared = new ArrayList<>(chain.size());
        for (X509Certificate certificate : chain) {
          shared.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.getEncoded())));
        }
        return shared;
      }
      Collection<? extends Certificate> parsed = factory
          .generateCertificates(new ByteArrayInputStream(encoded.toByteArray()));
      List<X509Certificate> result = new ArrayList<>(parsed.size());
      for (Certificate certificate : parsed) result.add((X509Certificate) certificate);
      if (result.size() != chain.size()) throw new CertificateException("parsed " + result.size() + " certificates");
      return result;
    } catch (CertificateException | java.io.IOException | RuntimeException e) {
      throw reject(Reason.MALFORMED, host, "a certificate of the chain does not parse (" + e.getMessage() + ")",
          "Reissue it.", e);
    }
  }

  private static boolean anyNameConstraints(Extensions extensions, List<X509Certificate> chain) {
    for (X509Certificate certificate : chain) {
      if (extensions.value(certificate, NameConstraints.OID) != null) return true;
    }
    return false;
  }

  private static void checkValidity(X509Certificate certificate, Date time, String host)
      throws CertificateRejectedException {
    try {
      certificate.checkValidity(time);
    } catch (CertificateExpiredException e) {
      throw reject(Reason.EXPIRED, host, name(certificate) + " expired on " + certificate.getNotAfter().toInstant()
          + " (now " + time.toInstant() + ")", "Renew the server's certificate.", e);
    } catch (CertificateNotYetValidException e) {
      throw reject(Reason.NOT_YET_VALID, host, name(certificate) + " is not valid before "
          + certificate.getNotBefore().toInstant() + " (now " + time.toInstant() + ")",
          "Check the clock of this device and of the CA, or wait until the certificate is valid.", e);
    }
  }

  /**
   * Explains why no path was found: a missing intermediate, an issuer outside its validity, an
   * issuer rule the platform enforced itself, or no trusted root.
   */
  private CertificateRejectedException diagnose(List<X509Certificate> chain, Date time, String host,
      CertPathBuilderException e) {
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = chain.get(0);
    for (int depth = 0; depth < chain.size(); depth++) {
      path.add(current);
      X500Principal issuer = current.getIssuerX500Principal();
      if (isAnchorSubject(issuer)) {
        CertificateRejectedException broken = brokenIssuerRule(path, host);
        if (broken != null) return broken;
        break;
      }
      X509Certificate next = find(chain, issuer, current);
      if (next == null) {
        if (current.getSubjectX500Principal().equals(issuer)) {
          return reject(Reason.UNTRUSTED, host, name(current) + " is self-signed and not a trusted root",
              "Serve a certificate from a CA the policy trusts, or add this root with trustAnchors().", e);
        }
        return reject(Reason.INCOMPLETE_CHAIN, host, "the chain ends at " + name(current) + ", issued by "
            + issuer.getName() + ", which is neither sent nor trusted",
            "Configure the server to send its intermediate certificates, or trust the root with trustAnchors().", e);
      }
      try {
        next.checkValidity(time);
      } catch (CertificateExpiredException expired) {
        return reject(Reason.EXPIRED, host, "issuer " + name(next) + " is not valid at " + time.toInstant()
            + " (valid " + next.getNotBefore().toInstant() + " to " + next.getNotAfter().toInstant() + ")",
            "Configure the server with a current intermediate certificate.", e);
      } catch (CertificateNotYetValidException notYetValid) {
        return reject(Reason.NOT_YET_VALID, host, "issuer " + name(next) + " is not valid before "
            + next.getNotBefore().toInstant() + " (now " + time.toInstant() + ")",
            "Check the clock of this device, or configure the server with a current intermediate certificate.", e);
      }
      current = next;
    }
    return reject(Reason.UNTRUSTED, host, "no valid path to a trusted root (" + rootCause(e) + ")",
        "Serve a chain that leads to a root the policy trusts, or add the root with trustAnchors().", e);
  }

  /**
   * The rule that {@code path} (leaf first, up to the certificate a trust anchor issued) breaks, or
   * null. The platform's PKIX enforces basicConstraints, pathLenConstraint and the intermediates'
   * name constraints itself and then only reports that it found no path; Hardwire's own checks on
   * the path it refused name the rule.
   */
  private CertificateRejectedException brokenIssuerRule(List<X509Certificate> path, String host) {
    X509Certificate top = path.get(path.size() - 1);
    for (X509Certificate anchor : anchors.certificates()) {
      if (!anchor.getSubjectX500Principal().equals(top.getIssuerX500Principal()) || !isSignedBy(top, anchor)) {
        continue;
      }
      List<X509Certificate> anchored = new ArrayList<>(path);
      anchored.add(anchor);
      try {
        int intermediatesBelow = 0;
        for (int i = 1; i < path.size(); i++) {
          X509Certificate issuer = path.get(i);
          StrictChecks.checkIssuer(issuer, host);
          if (intermediatesBelow > issuer.getBasicConstraints()) {
            throw reject(Reason.PATH_LENGTH, host, name(issuer) + " allows " + issuer.getBasicConstraints()
                + " intermediate certificates below it, the chain has " + intermediatesBelow,
                "Serve a chain that respects the CA's pathLenConstraint.");
          }
          boolean selfIssued = issuer.getSubjectX500Principal().equals(issuer.getIssuerX500Principal());
          if (!selfIssued) intermediatesBelow++;
        }
        NameConstraints.check(new Extensions(), anchored, host);
      } catch (CertificateRejectedException rejection) {
        return rejection;
      }
    }
    return null;
  }

  private static boolean isSignedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private boolean isAnchorSubject(X500Principal issuer) {
    for (X509Certificate anchor : anchors.certificates()) {
      if (anchor.getSubjectX500Principal().equals(issuer)) return true;
    }
    return false;
  }

  private static X509Certificate find(List<X509Certificate> chain, X500Principal subject, X509Certificate except) {
    for (X509Certificate candidate : chain) {
      if (candidate != except && candidate.getSubjectX500Principal().equals(subject)) return candidate;
    }
    return null;
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getMessage();
  }

  /** The platform's PKIX takes a trust anchor's pathLenConstraint as given; Hardwire applies it. */
  private static void checkRootPathLength(List<X509Certificate> path, X509Certificate root, String host)
      throws CertificateRejectedException {
    int allowed = root.getBasicConstraints();
    int intermediates = 0;
    for (int i = 1; i < path.size() - 1; i++) {
      X509Certificate certificate = path.get(i);
      if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) intermediates++;
    }
    if (intermediates > allowed) {
      throw reject(Reason.PATH_LENGTH, host, "root " + name(root) + " allows " + allowed + " intermediate"
          + (allowed == 1 ? "" : "s") + " below it (pathLenConstraint) but the path has " + intermediates,
          "Serve a chain that respects the root's pathLenConstraint.");
    }
  }
}
