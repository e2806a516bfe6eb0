package dev.hardwire.audit.check;

import dev.hardwire.audit.scan.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What {@code check} probes for one argument: the host, the port for each scheme and the path.
 * The scheme the user named keeps its port; the other uses its default unless overridden.
 *
 * @param display the argument as printed: redacted
 * @param path the path only: never the query, which may carry a token, and never userinfo
 */
record Target(String display, String host, int httpsPort, int httpPort, String path) {

  static Target parse(String argument, int httpsPortOverride, int httpPortOverride) {
    String url = argument.contains("://") ? argument : "https://" + argument;
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + Redactor.redactUrl(argument)
          + " (" + e.getReason() + "); write it as https://host[:port]/path");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("check probes http and https, not " + scheme
          + "://: write " + Redactor.redactUrl(argument) + " as https://host[:port]");
    }
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host in " + Redactor.redactUrl(argument)
          + ": write it as https://host[:port]");
    }
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean https = scheme.equals("https");
    int port = uri.getPort();
    int httpsPort = https && port != -1 ? port : httpsPortOverride;
    int httpPort = !https && port != -1 ? port : httpPortOverride;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Target(Redactor.redactUrl(argument), host, httpsPort, httpPort, path);
  }
}
