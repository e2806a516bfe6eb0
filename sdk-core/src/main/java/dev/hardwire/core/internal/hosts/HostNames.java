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
    try {
      ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (IpLiterals.isIpv4(ascii)) return ascii;
    return isDnsName(ascii) ? ascii : null;
  }

  /** True if {@code host} (canonical) is an IPv4 or IPv6 literal. */
  public static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || IpLiterals.isIpv4(host);
  }

  static boolean isDnsName(String ascii) {
    if (ascii.isEmpty() || ascii.length() > 253) return false;
    for (String label : ascii.split("\\.", -1)) {
      if (!isLabel(label)) return false;
    }
    return true;
  }

  private static boolean isLabel(String label) {
    if (label.isEmpty() || label.length() > 63) return false;
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') return false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) return false;
    }
    return true;
  }
}
