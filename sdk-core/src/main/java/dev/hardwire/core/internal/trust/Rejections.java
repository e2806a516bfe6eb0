package dev.hardwire.core.internal.trust;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import java.security.cert.X509Certificate;

/** Builds rejection exceptions with messages that name the certificate, the rule and the fix. */
final class Rejections {
  private Rejections() {
  }

  static CertificateRejectedException reject(Reason reason, String host, String problem, String fix) {
    return new CertificateRejectedException(reason, "Certificate for " + host + " rejected (" + reason + "): "
        + problem + ". " + fix);
  }

  static CertificateRejectedException reject(Reason reason, String host, String problem, String fix, Throwable cause) {
    return new CertificateRejectedException(reason, "Certificate for " + host + " rejected (" + reason + "): "
        + problem + ". " + fix, cause);
  }

  /** "CN=leaf, O=..." shortened for messages. */
  static String name(X509Certificate certificate) {
    String name = certificate.getSubjectX500Principal().getName();
    return name.isEmpty() ? "(empty subject, serial " + certificate.getSerialNumber().toString(16) + ")" : name;
  }
}
