package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.internal.trust.Rejections.name;
import static dev.hardwire.core.internal.trust.Rejections.reject;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.internal.hosts.IpLiterals;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Name constraints (RFC 5280 4.2.1.10) of every CA in a path, the root's included, applied to the
 * certificates below it. The platform's PKIX rejects constraints on a trust anchor outright ("name
 * constraints in trust anchor not supported"), so private roots that constrain themselves, the
 * safest kind, would otherwise be unusable or unchecked; applying the intermediates' constraints
 * again costs little and closes gaps such as wildcard SANs against excluded subtrees.
 */
final class NameConstraints {
  static final String OID = "2.5.29.30";
  private static final int DNS = 0x82;
  private static final int DIRECTORY = 0xa4;
  private static final int IP = 0x87;
  private static final long MAX_COMPARISONS = 1 << 16;

  private final List<Der.Element> permitted;
  private final List<Der.Element> excluded;

  private NameConstraints(List<Der.Element> permitted, List<Der.Element> excluded) {
    this.permitted = permitted;
    this.excluded = excluded;
  }

  /**
   * Checks every constrained CA of {@code path} (leaf first, root last) against its subordinates.
   * A path whose names times constraints exceed a budget is refused: checking them all is quadratic,
   * a denial of service that certificates from an attacker's own CA could trigger in every handshake.
   */
  static void check(Extensions extensions, List<X509Certificate> path, String host) throws CertificateRejectedException {
    for (int i = path.size() - 1; i >= 1; i--) {
      NameConstraints constraints = of(extensions, path.get(i), host);
      if (constraints == null) continue;
      constraints.checkBudget(path.subList(0, i), path.get(i), host);
      for (int j = i - 1; j >= 0; j--) {
        X509Certificate subject = path.get(j);
        boolean selfIssuedCa = j > 0 && subject.getSubjectX500Principal().equals(subject.getIssuerX500Principal());
        if (!selfIssuedCa) constraints.apply(subject, path.get(i), host);
      }
    }
  }

  /** The constraints of {@code ca}, or null if it has none. */
  static NameConstraints of(Extensions extensions, X509Certificate ca, String host) throws CertificateRejectedException {
    byte[] value = extensions.value(ca, OID);
    if (value == null) return null;
    try {
      List<Der.Element> permitted = new ArrayList<>();
      List<Der.Element> excluded = new ArrayList<>();
      for (Der.Element subtrees : Der.extension(value).children()) {
        List<Der.Element> target = subtrees.tag == 0xa0 ? permitted : subtrees.tag == 0xa1 ? excluded : null;
        if (target == null) throw new IllegalArgumentException("unknown field");
        for (Der.Element subtree : subtrees.children()) {
          Der.Element base = subtree.children().get(0);
          if (base.tag == DNS && ascii(base.content()).startsWith(".")) {
            // RFC 5280 4.2.1.10 allows a leading period in URI constraints only.
            throw new IllegalArgumentException("a dNSName constraint starts with a period");
          }
          target.add(base);
        }
      }
      if (permitted.isEmpty() && excluded.isEmpty()) {
        throw new IllegalArgumentException("neither permitted nor excluded subtrees");
      }
      return new NameConstraints(permitted, excluded);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw reject(Reason.MALFORMED, host, name(ca) + " has malformed name constraints (" + e.getMessage() + ")",
          "RFC 5280 requires at least one non-empty subtree; reissue the CA.");
    }
  }

  private void checkBudget(List<X509Certificate> subordinates, X509Certificate ca, String host)
      throws CertificateRejectedException {
    long names = 0;
    for (X509Certificate certificate : subordinates) {
      try {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        names += 1 + (sans == null ? 0 : sans.size());
      } catch (CertificateParsingException e) {
        throw reject(Reason.MALFORMED, host, name(certificate) + " has a malformed subjectAltName", "Reissue it.", e);
      }
    }
    if (names * (permitted.size() + excluded.size()) > MAX_COMPARISONS) {
      throw reject(Reason.NAME_CONSTRAINTS, host, name(ca) + " has " + (permitted.size() + excluded.size())
          + " name constraints for " + names + " names below it, more than Hardwire checks (" + MAX_COMPARISONS
          + " comparisons)", "Such chains are a denial-of-service pattern; use a CA with fewer constraints.");
    }
  }

  private void apply(X509Certificate certificate, X509Certificate ca, String host)
      throws CertificateRejectedException {
    List<String> dnsNames = new ArrayList<>();
    List<byte[]> ips = new ArrayList<>();
    Collection<List<?>> sans;
    try {
      sans = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw reject(Reason.MALFORMED, host, name(certificate) + " has a malformed subjectAltName", "Reissue it.", e);
    }
    if (sans != null) {
      for (List<?> san : sans) {
        int type = (Integer) san.get(0);
        if (type == 2) dnsNames.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
        if (type == 7) {
          byte[] ip = IpLiterals.toBytes((String) san.get(1));
          if (ip == null) throw reject(Reason.MALFORMED, host, name(certificate) + " has an invalid IP subjectAltName",
              "Reissue it.");
          ips.add(ip);
        }
      }
    }
    X500Principal subject = certificate.getSubjectX500Principal();
    for (String dns : dnsNames) {
      check(dns, DNS, certificate, ca, host);
    }
    for (byte[] ip : ips) {
      check(ip, IP, certificate, ca, host);
    }
    if (subject.getEncoded().length > 2) check(subject, DIRECTORY, certificate, ca, host);
  }

  private void check(Object name, int type, X509Certificate certificate, X509Certificate ca, String host)
      throws CertificateRejectedException {
    for (Der.Element base : excluded) {
      if (base.tag == type && (within(name, base) || (type == DNS && wildcardCovers((String) name, base)))) {
        throw violation(name, certificate, ca, host, "excluded by");
      }
    }
    boolean constrained = false;
    for (Der.Element base : permitted) {
      if (base.tag != type) continue;
      constrained = true;
      if (within(name, base)) return;
    }
    if (constrained) throw violation(name, certificate, ca, host, "outside the permitted names of");
  }

  private static CertificateRejectedException violation(Object name, X509Certificate certificate, X509Certificate ca,
      String host, String relation) {
    String shown = name instanceof byte[] ? java.util.Arrays.toString((byte[]) name) : String.valueOf(name);
    return reject(Reason.NAME_CONSTRAINTS, host, "the name " + shown + " of " + name(certificate) + " is " + relation
        + " " + name(ca), "The CA may not issue for that name; use a certificate from a CA allowed to.");
  }

  private static boolean within(Object name, Der.Element base) {
    switch (base.tag) {
      case DNS:
        return dnsWithin((String) name, ascii(base.content()));
      case IP:
        return ipWithin((byte[]) name, base.content());
      case DIRECTORY:
        return directoryWithin((X500Principal) name, base);
      default:
        return false;
    }
  }

  /** RFC 5280: "host.example.com" is within "example.com"; ".example.com" holds subdomains only. */
  static boolean dnsWithin(String name, String constraint) {
    String c = constraint.toLowerCase(Locale.ROOT);
    if (c.isEmpty()) return true;
    String n = name.startsWith("*.") ? name.substring(2) : name;
    boolean wildcard = n.length() != name.length();
    // A wildcard stands for one more label, so "*.example.com" lies within ".example.com".
    if (c.startsWith(".")) return (wildcard ? "." + n : n).endsWith(c);
    return n.equals(c) || n.endsWith("." + c);
  }

  /** True if a wildcard SAN such as {@code *.example.com} could stand for a name inside {@code base}. */
  private static boolean wildcardCovers(String name, Der.Element base) {
    if (!name.startsWith("*.")) return false;
    String c = ascii(base.content()).toLowerCase(Locale.ROOT);
    if (c.startsWith(".")) c = c.substring(1);
    String suffix = name.substring(2);
    int dot = c.indexOf('.');
    return dot > 0 && c.substring(dot + 1).equals(suffix);
  }

  private static boolean ipWithin(byte[] ip, byte[] constraint) {
    if (constraint.length != ip.length * 2) return false;
    for (int i = 0; i < ip.length; i++) {
      byte mask = constraint[ip.length + i];
      if ((ip[i] & mask) != (constraint[i] & mask)) return false;
    }
    return true;
  }

  private static boolean directoryWithin(X500Principal subject, Der.Element base) {
    String constraint = new X500Principal(base.content()).getName(X500Principal.CANONICAL);
    String name = subject.getName(X500Principal.CANONICAL);
    return constraint.isEmpty() || name.equals(constraint) || name.endsWith("," + constraint);
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
