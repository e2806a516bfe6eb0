package dev.hardwire.core.internal.hosts;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IP literals without DNS: only strings that are already addresses are accepted. */
public final class IpLiterals {
  private IpLiterals() {
  }

  /**
   * True for a dotted-quad IPv4 literal of four decimal octets, each 0-255 without leading zeros.
   * Every request's host passes here, so it scans the string once and allocates nothing.
   */
  public static boolean isIpv4(String host) {
    int length = host.length();
    int octets = 0;
    int i = 0;
    while (true) {
      int start = i;
      int value = 0;
      while (i < length && i - start < 3 && host.charAt(i) >= '0' && host.charAt(i) <= '9') {
        value = value * 10 + host.charAt(i++) - '0';
      }
      int digits = i - start;
      if (digits == 0 || (digits > 1 && host.charAt(start) == '0') || value > 255) return false;
      octets++;
      if (i == length) return octets == 4;
      if (octets == 4 || host.charAt(i) != '.') return false;
      i++;
    }
  }

  /** Returns the bytes of an IPv4 or IPv6 literal, or null if {@code host} is not one. */
  public static byte[] toBytes(String host) {
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    if (!isIpv4(host) && !isIpv6Syntax(host)) return null;
    try {
      // Safe from DNS: the string is a literal, which InetAddress parses without a lookup.
      return InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** The RFC 5952 text of an IPv6 literal (lower case, shortest form), or null if it is not one. */
  static String canonicalIpv6(String host) {
    byte[] bytes = isIpv6Syntax(host) ? toBytes(host) : null;
    if (bytes == null) return null;
    if (bytes.length == 4) return host.toLowerCase(java.util.Locale.ROOT);
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        result.append("::");
        i += bestLength - 1;
        continue;
      }
      if (result.length() > 0 && result.charAt(result.length() - 1) != ':') result.append(':');
      result.append(Integer.toHexString(groups[i]));
    }
    return result.toString();
  }

  private static boolean isIpv6Syntax(String host) {
    if (host.indexOf(':') < 0 || host.indexOf('%') >= 0) return false;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (!ok) return false;
    }
    return true;
  }
}
