package dev.hardwire.audit.scan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL with a cleartext scheme as written in a file. {@link #text} may hold a credential: it
 * never leaves the scanner except through {@link Redactor#redactUrl}.
 *
 * @param start offset of the scheme in the file
 * @param end offset just past the URL
 * @param scheme {@code http}, {@code ws} or {@code ftp}, lower case
 * @param hasUserinfo whether the URL carries {@code user[:password]@}
 * @param host the host as written: a name, an address, or a template such as {@code ${HOST}}
 * @param port the port, or -1 when absent or templated
 * @param text the URL as written
 */
record Endpoint(int start, int end, String scheme, boolean hasUserinfo, String host, int port,
    String text) {
  private static final Pattern PROPERTIES_ESCAPE = Pattern.compile("\\\\([:=#!])");
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");

  /** Schemes whose traffic is cleartext, as opposed to https, wss, sftp, ftps. */
  static boolean isCleartextScheme(String scheme) {
    return scheme.equals("http") || scheme.equals("ws") || scheme.equals("ftp");
  }

  /**
   * Reads the URL whose {@code ://} separator starts at {@code separator} ({@code :\//} in
   * properties files); null if it has no cleartext scheme or no usable host.
   */
  static Endpoint at(String text, int separator, boolean propertiesEscapes) {
    int schemeEnd = separator > 0 && text.charAt(separator - 1) == '\\' ? separator - 1 : separator;
    int start = schemeEnd;
    while (start > 0 && isAsciiLetter(text.charAt(start - 1))) {
      start--;
    }
    if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      return null;
    }
    String scheme = text.substring(start, schemeEnd).toLowerCase(Locale.ROOT);
    if (!isCleartextScheme(scheme)) {
      return null;
    }
    int authorityStart = separator + 3;
    int end = trimTrailingPunctuation(text, authorityStart, scanEnd(text, authorityStart,
        propertiesEscapes));
    String raw = text.substring(start, end);
    String written = propertiesEscapes ? PROPERTIES_ESCAPE.matcher(raw).replaceAll("$1") : raw;
    String afterScheme = written.substring(written.indexOf("//") + 2);
    return parse(start, end, scheme, written, afterScheme);
  }

  private static Endpoint parse(int start, int end, String scheme, String written,
      String afterScheme) {
    int authorityEnd = indexOutsideTemplates(afterScheme, "/?#", 0, afterScheme.length());
    String authority = afterScheme.substring(0, authorityEnd);
    int at = authority.lastIndexOf('@');
    boolean userinfo = at >= 0;
    String hostPort = authority.substring(at + 1);
    String host;
    String portText;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = hostPort.substring(0, close + 1);
      portText = hostPort.substring(close + 1);
    } else {
      int colon = indexOutsideTemplates(hostPort, ":", 0, hostPort.length());
      host = hostPort.substring(0, colon);
      portText = hostPort.substring(colon);
    }
    if (!isUsableHost(host)) {
      return null;
    }
    int port = PORT.matcher(portText).matches() ? Integer.parseInt(portText.substring(1)) : -1;
    return new Endpoint(start, end, scheme, userinfo, host, port, written);
  }

  /** Whether the host is templated: {@code ${HOST}}, {@code {{ .host }}}, {@code %s}, {@code $H}. */
  boolean isTemplatedHost() {
    return isTemplate(host);
  }

  static boolean isTemplate(String host) {
    return host.indexOf('$') >= 0 || host.indexOf('{') >= 0 || host.indexOf('%') >= 0;
  }

  private static boolean isUsableHost(String host) {
    if (host.isEmpty()) {
      return false; // "http://" + host: the scheme alone is not an endpoint
    }
    if (isTemplate(host)) {
      return true;
    }
    if (host.startsWith("[")) {
      return IPV6_LITERAL.matcher(host).matches();
    }
    // Wildcards (http://*:8080/, http://+:80/) are listen prefixes or patterns, not endpoints.
    return HOST_NAME.matcher(host).matches();
  }

  /** Where a URL ends: at a blank, a quote, markup, or an unbalanced closing bracket. */
  private static int scanEnd(String text, int from, boolean propertiesEscapes) {
    int parens = 0;
    int brackets = 0;
    int i = from;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < n && text.charAt(i + 1) == '{' || c == '{') {
        i = closingBrace(text, c == '$' ? i + 1 : i);
        continue;
      }
      if (c == '\\' && propertiesEscapes && i + 1 < n && ":=#!".indexOf(text.charAt(i + 1)) >= 0) {
        i += 2;
        continue;
      }
      if (c == '(') {
        parens++;
      } else if (c == ')' && --parens < 0) {
        break;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']' && --brackets < 0) {
        break;
      } else if (c <= ' ' || "\"'`<>|^,;\\}".indexOf(c) >= 0) {
        break;
      }
      i++;
    }
    return i;
  }

  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      } else if (c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static int trimTrailingPunctuation(String text, int from, int end) {
    while (end > from && ".,:;!?*'\"".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  private static int indexOutsideTemplates(String s, String chars, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth <= 0 && chars.indexOf(c) >= 0) {
        return i;
      }
    }
    return to;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
