package dev.hardwire.audit.scan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Where a host lives, which decides whether cleartext to it matters and how much. */
enum HostClass {
  /** Loopback, including {@code 0.0.0.0} and Docker's name for the host machine. */
  LOOPBACK,
  /** RFC 2606 names: documentation, never a real endpoint. */
  EXAMPLE,
  /** Link-local addresses, such as the cloud metadata service at 169.254.169.254. */
  LINK_LOCAL,
  /** Private addresses, single-label names and internal suffixes. */
  INTERNAL,
  /** A variable: {@code ${HOST}}, {@code {{ .Values.host }}}, {@code %s}. */
  TEMPLATED,
  /** Everything else. */
  PUBLIC;

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}");

  // host.docker.internal is the Docker host as seen from a container on the same machine: like
  // loopback, the traffic never crosses a network a third party can read.
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain",
      "ip6-localhost", "ip6-loopback", "host.docker.internal", "gateway.docker.internal",
      "kubernetes.docker.internal", "0.0.0.0", "::1", "0:0:0:0:0:0:0:1", "::",
      "::ffff:127.0.0.1");

  private static final Set<String> EXAMPLE_DOMAINS = Set.of("example.com", "example.net",
      "example.org");

  private static final Set<String> EXAMPLE_TLDS = Set.of("example", "test", "invalid");

  private static final Set<String> INTERNAL_TLDS = Set.of("local", "internal", "intranet",
      "corp", "lan", "home", "localdomain", "svc", "consul", "private", "intra");

  static HostClass of(String writtenHost) {
    if (Endpoint.isTemplate(writtenHost)) {
      return TEMPLATED;
    }
    String host = writtenHost.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (LOOPBACK_NAMES.contains(host) || host.endsWith(".localhost")) {
      return LOOPBACK;
    }
    var ipv4 = IPV4.matcher(host);
    if (ipv4.matches()) {
      return ofIpv4(Integer.parseInt(ipv4.group(1)), Integer.parseInt(ipv4.group(2)));
    }
    if (host.indexOf(':') >= 0) {
      return ofIpv6(host);
    }
    String tld = host.substring(host.lastIndexOf('.') + 1);
    if (EXAMPLE_TLDS.contains(tld) && host.indexOf('.') > 0) {
      return EXAMPLE;
    }
    for (String domain : EXAMPLE_DOMAINS) {
      if (host.equals(domain) || host.endsWith("." + domain)) {
        return EXAMPLE;
      }
    }
    if (host.indexOf('.') < 0 || INTERNAL_TLDS.contains(tld) || host.endsWith(".home.arpa")) {
      return INTERNAL;
    }
    return PUBLIC;
  }

  private static HostClass ofIpv4(int a, int b) {
    if (a == 127 || a == 0) {
      return LOOPBACK;
    }
    if (a == 169 && b == 254) {
      return LINK_LOCAL;
    }
    boolean isPrivate = a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
        || a == 100 && b >= 64 && b <= 127;
    return isPrivate ? INTERNAL : PUBLIC;
  }

  private static HostClass ofIpv6(String host) {
    if (host.startsWith("fe8") || host.startsWith("fe9") || host.startsWith("fea")
        || host.startsWith("feb")) {
      return LINK_LOCAL;
    }
    return host.startsWith("fc") || host.startsWith("fd") ? INTERNAL : PUBLIC;
  }
}
