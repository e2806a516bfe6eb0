package dev.hardwire.core.internal.hosts;

import java.net.IDN;
import java.util.Locale;

/** Canonical forms of host names: lower case, A-labels, no trailing dot, IPv6 without brackets. */
public final class HostNames {
  private HostNames() {
  }

  /**
   * Returns {@code host} in canonical form, or null if it is not a syntactically valid DNS name or
   * IP literal.
   */
  public static String canonicalize(String host) {
    if (host == null || host.isEmpty()) return null;
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    if (host.indexOf(':') >= 0) return IpLiterals.canonicalIpv6(host);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    String ascii;
    if (isLowerCaseLdh(host)) {
      // IDN.toASCII returns such a name unchanged (or refuses it where isDnsName does too), and
      // costs about a microsecond on every request; only names with other characters need it.
      ascii = host;
    } else {
      try {
        ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (IpLiterals.isIpv4(ascii)) return ascii;
    // "127.1" or "192.0.2.07" are not names: resolvers read them as IPv4 addresses, so a name check
    // would judge a different host than the one connected to (the WHATWG URL standard refuses them too).
    if (isNumeric(ascii.substring(ascii.lastIndexOf('.') + 1))) return null;
    return isDnsName(ascii) ? ascii : null;
  }

  /** True if {@code host} (canonical) is an IPv4 or IPv6 literal. */
  public static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || IpLiterals.isIpv4(host);
  }

  private static boolean isLowerCaseLdh(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
    }
    return true;
  }

  private static boolean isNumeric(String label) {
    if (label.isEmpty()) return false;
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) < '0' || label.charAt(i) > '9') return false;
    }
    return true;
  }

  static boolean isDnsName(String ascii) {
    if (ascii.isEmpty() || ascii.length() > 253) return false;
    int start = 0;
    while (true) {
      int dot = ascii.indexOf('.', start);
      int end = dot < 0 ? ascii.length() : dot;
      if (!isLabel(ascii, start, end)) return false;
      if (dot < 0) return true;
      start = dot + 1;
    }
  }

  private static boolean isLabel(String name, int start, int end) {
    int length = end - start;
    if (length == 0 || length > 63) return false;
    if (name.charAt(start) == '-' || name.charAt(end - 1) == '-') return false;
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) return false;
    }
    return true;
  }
}
