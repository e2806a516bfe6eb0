package dev.hardwire.audit.fix;

import java.util.Locale;
import java.util.regex.Pattern;

/** The textual rewrite: {@code http://host:80/x} to {@code https://host/x}, {@code ws} to {@code wss}. */
final class UrlUpgrade {
  /** Ignores the difference an upgrade makes: the scheme's {@code s} and an explicit :80/:443. */
  private static final Pattern SECURE_SCHEME = Pattern.compile("(?i)\\b(http|ws)s(\\\\?://)");
  private static final Pattern DEFAULT_PORT = Pattern.compile(
      "(?i)\\b((?:http|ws)\\\\?://[^/?#\\s\"'<>]*?)(?:\\\\?:(?:80|443))(?=[/?#\\s\"'<>]|$)");

  private UrlUpgrade() {
  }

  /**
   * Rewrites the URL whose scheme starts at {@code offset}; null when the text there is not an
   * {@code http} or {@code ws} URL on the default port.
   */
  static String apply(String text, int offset) {
    String rest = text.substring(offset, Math.min(text.length(), offset + 8))
        .toLowerCase(Locale.ROOT);
    int schemeLength = rest.startsWith("http") ? 4 : rest.startsWith("ws") ? 2 : -1;
    if (schemeLength < 0) {
      return null;
    }
    int separator = offset + schemeLength;
    int authority = text.startsWith("://", separator) ? separator + 3
        : text.startsWith("\\://", separator) ? separator + 4 : -1;
    if (authority < 0) {
      return null;
    }
    int end = authority;
    while (end < text.length() && "/?#\"'`<>;, \t\r\n)".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String hostPort = text.substring(authority, end);
    String port80 = hostPort.endsWith("\\:80") ? "\\:80" : hostPort.endsWith(":80") ? ":80" : "";
    if (port80.isEmpty() && hostPort.matches(".*:\\d+")) {
      return null; // a custom port serves cleartext; its TLS twin is elsewhere, if anywhere
    }
    boolean upper = Character.isUpperCase(text.charAt(offset));
    return text.substring(0, separator) + (upper ? "S" : "s")
        + text.substring(separator, end - port80.length()) + text.substring(end);
  }

  /** The form of {@code text} that an upgrade does not change, for comparing before and after. */
  static String canonical(String text) {
    String lowered = SECURE_SCHEME.matcher(text).replaceAll("$1$2");
    return DEFAULT_PORT.matcher(lowered).replaceAll("$1");
  }
}
