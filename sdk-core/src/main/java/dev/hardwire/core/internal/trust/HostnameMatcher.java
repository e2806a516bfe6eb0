package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.internal.trust.Rejections.name;
import static dev.hardwire.core.internal.trust.Rejections.reject;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.internal.hosts.HostNames;
import dev.hardwire.core.internal.hosts.IpLiterals;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Matches a host against a leaf's subjectAltNames (RFC 6125, RFC 9525): dNSName for names,
 * iPAddress for IP literals, never the common name. A wildcard is only a whole left-most label,
 * matches exactly one label, never an IP, and never sits right above a public suffix-like single
 * label ({@code *.com}).
 */
final class HostnameMatcher {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private HostnameMatcher() {
  }

  /** The canonical form of a host to verify, or null if it is not a valid host name or IP literal. */
  static String canonicalHost(String host) {
    return host == null ? null : HostNames.canonicalize(host);
  }

  static void check(X509Certificate leaf, String canonicalHost, String host) throws CertificateRejectedException {
    Collection<List<?>> names;
    try {
      names = leaf.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw reject(Reason.MALFORMED, host, name(leaf) + " has a malformed subjectAltName extension", "Reissue it.", e);
    }
    if (names == null || names.isEmpty()) {
      throw reject(Reason.HOSTNAME_MISMATCH, host, name(leaf) + " has no subjectAltName; the common name is never used",
          "Reissue it with " + host + " as a subjectAltName.");
    }
    byte[] ip = HostNames.isIpLiteral(canonicalHost) ? IpLiterals.toBytes(canonicalHost) : null;
    List<String> shown = new ArrayList<>();
    for (List<?> entry : names) {
      int type = (Integer) entry.get(0);
      Object value = entry.get(1);
      if (type == DNS_NAME && value instanceof String) {
        shown.add("DNS:" + value);
        if (ip == null && dnsNameMatches((String) value, canonicalHost)) return;
      } else if (type == IP_ADDRESS && value instanceof String) {
        shown.add("IP:" + value);
        byte[] sanIp = IpLiterals.toBytes((String) value);
        if (ip != null && sanIp != null && Arrays.equals(ip, sanIp)) return;
      }
    }
    throw reject(Reason.HOSTNAME_MISMATCH, host, "its subjectAltNames are " + shown + "; the common name is never used",
        "Connect to one of those names, or reissue the certificate with " + host + " as a subjectAltName.");
  }

  /** True if the SAN dNSName {@code pattern} covers the canonical DNS name {@code host}. */
  static boolean dnsNameMatches(String pattern, String host) {
    if (!isAscii(pattern) || pattern.isEmpty()) return false;
    String p = pattern.toLowerCase(Locale.ROOT);
    if (p.endsWith(".")) p = p.substring(0, p.length() - 1);
    if (!p.startsWith("*.")) return p.indexOf('*') < 0 && HostNames.canonicalize(p) != null && p.equals(host);
    String suffix = p.substring(2);
    if (suffix.indexOf('*') >= 0 || suffix.indexOf('.') < 0 || HostNames.canonicalize(suffix) == null) return false;
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot + 1).equals(suffix);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7e || s.charAt(i) < 0x21) return false;
    }
    return true;
  }
}
