package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.internal.trust.Rejections.name;
import static dev.hardwire.core.internal.trust.Rejections.reject;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.internal.hosts.HostNames;
import dev.hardwire.core.internal.hosts.IpLiterals;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The leaf's subjectAltNames must all be well-formed: a malformed dNSName or iPAddress means the
 * issuer did not check what it signed, and other clients may read such a name differently than
 * Hardwire does.
 */
final class SubjectNames {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private SubjectNames() {
  }

  static void check(X509Certificate leaf, String host) throws CertificateRejectedException {
    Collection<List<?>> sans;
    try {
      sans = leaf.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw reject(Reason.MALFORMED, host, name(leaf) + " has a malformed subjectAltName extension", "Reissue it.", e);
    }
    if (sans == null) return;
    for (List<?> san : sans) {
      int type = (Integer) san.get(0);
      if (type == DNS_NAME && !isDnsName((String) san.get(1))) {
        throw reject(Reason.MALFORMED, host, name(leaf) + " has a malformed dNSName '" + san.get(1) + "'",
            "Reissue it with valid host names.");
      }
      if (type == IP_ADDRESS && IpLiterals.toBytes((String) san.get(1)) == null) {
        throw reject(Reason.MALFORMED, host, name(leaf) + " has a malformed iPAddress", "Reissue it.");
      }
    }
  }

  /** A dNSName as RFC 5280 allows it: LDH labels, or a wildcard as the whole first label. */
  private static boolean isDnsName(String dns) {
    String body = dns.startsWith("*.") ? dns.substring(2) : dns;
    if (body.isEmpty() || body.endsWith(".") || body.indexOf('*') >= 0) return false;
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) > 0x7e) return false;
    }
    String canonical = HostNames.canonicalize(body);
    return canonical != null && !HostNames.isIpLiteral(canonical);
  }
}
