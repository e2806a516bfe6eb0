package dev.hardwire.core.internal.trust;

import dev.hardwire.core.CertificateRejectedException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link StrictChecks} as a checker inside the platform's path builder, so that the builder
 * backtracks past a weak certificate to another valid path (a cross-signed intermediate, say)
 * instead of returning a path Hardwire would then refuse. The platform clones checkers; the clones
 * share {@link #lastRejection}, which explains a failed build.
 */
final class PathRules extends PKIXCertPathChecker {
  private final Extensions extensions;
  private final X509Certificate leaf;
  private final String host;
  private final AtomicReference<CertificateRejectedException> lastRejection;

  PathRules(Extensions extensions, X509Certificate leaf, String host,
      AtomicReference<CertificateRejectedException> lastRejection) {
    this.extensions = extensions;
    this.leaf = leaf;
    this.host = host;
    this.lastRejection = lastRejection;
  }

  @Override
  public void init(boolean forward) {
  }

  @Override
  public boolean isForwardCheckingSupported() {
    return true;
  }

  @Override
  public Set<String> getSupportedExtensions() {
    return null;
  }

  @Override
  public void check(Certificate certificate, Collection<String> unresolvedCriticalExtensions)
      throws CertPathValidatorException {
    X509Certificate x509 = (X509Certificate) certificate;
    try {
      StrictChecks.checkAny(extensions, x509, host);
      StrictChecks.checkAuthorityKeyIdentifier(extensions, x509, false, host);
      StrictChecks.checkIssued(x509, host);
      if (x509 == leaf) {
        StrictChecks.checkLeaf(extensions, x509, host);
      } else {
        StrictChecks.checkIssuer(x509, host);
      }
    } catch (CertificateRejectedException e) {
      lastRejection.set(e);
      throw new CertPathValidatorException(e.getMessage(), e);
    }
  }
}
