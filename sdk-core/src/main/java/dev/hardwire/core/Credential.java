package dev.hardwire.core;

import dev.hardwire.core.internal.encoding.Base64;
import dev.hardwire.core.internal.hosts.HostPattern;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A secret header that a hardened client attaches for you, and only where it belongs: to HTTPS
 * requests whose host matches the credential's host pattern, optionally only for some methods and
 * under a path prefix. It is never sent across a redirect to another host, and {@link #toString()}
 * never shows the secret.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .credential(Credential.bearer("api.example.com", token))
 *     .credential(Credential.header("*.example.com", "X-Api-Key", key)
 *         .onlyForMethods("GET", "HEAD")          // a read-only key never rides on a DELETE
 *         .onlyUnderPath("/v1/reports/"))
 *     .build();
 * }</pre>
 *
 * <p>A request that matches the host but not the methods or path goes out without the credential,
 * and a {@link SecurityEvent.Kind#CREDENTIAL_WITHHELD} event says so.
 *
 * <p>Host patterns: {@code api.example.com} (that host), {@code *.example.com} (one label) or
 * {@code **.example.com} (any depth, including example.com). Anything else, such as {@code
 * api.*.com}, fails with an {@link IllegalArgumentException} naming the accepted forms.
 */
public final class Credential {
  private final HostPattern hostPattern;
  private final String headerName;
  private final String headerValue;
  private final Set<String> methods;
  private final String pathPrefix;

  private Credential(HostPattern hostPattern, String headerName, String headerValue, Set<String> methods,
      String pathPrefix) {
    this.hostPattern = hostPattern;
    this.headerName = headerName;
    this.headerValue = headerValue;
    this.methods = methods;
    this.pathPrefix = pathPrefix;
  }

  /** {@code Authorization: Bearer <token>} for hosts matching {@code hostPattern}. */
  public static Credential bearer(String hostPattern, String token) {
    checkSecret(token, "token");
    return header(hostPattern, "Authorization", "Bearer " + token);
  }

  /** {@code Authorization: Basic ...} (RFC 7617, UTF-8) for hosts matching {@code hostPattern}. */
  public static Credential basic(String hostPattern, String username, String password) {
    checkSecret(username, "username");
    checkSecret(password, "password");
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException("A Basic username cannot contain ':' (RFC 7617).");
    }
    byte[] bytes = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
    return header(hostPattern, "Authorization", "Basic " + Base64.encode(bytes));
  }

  /** The header {@code name: value} for hosts matching {@code hostPattern}, such as an API key. */
  public static Credential header(String hostPattern, String name, String value) {
    HostPattern pattern = HostPattern.parse(hostPattern);
    checkHeaderName(name);
    checkSecret(value, "value of header " + name);
    return new Credential(pattern, name, value, Collections.<String>emptySet(), "/");
  }

  /**
   * Returns a copy attached only to requests with one of {@code methods} (case-insensitive), such
   * as {@code "GET", "HEAD"} for a read-only token.
   */
  public Credential onlyForMethods(String... methods) {
    if (methods.length == 0) throw new IllegalArgumentException("onlyForMethods() needs at least one method");
    Set<String> set = new LinkedHashSet<>();
    for (String method : methods) {
      checkToken(method, "HTTP method");
      set.add(method.toUpperCase(Locale.ROOT));
    }
    return new Credential(hostPattern, headerName, headerValue, Collections.unmodifiableSet(set), pathPrefix);
  }

  /**
   * Returns a copy attached only to request paths under {@code pathPrefix}, which must start with
   * {@code /}. Matching is on whole segments: {@code /v1/} matches {@code /v1/items}; {@code /v1}
   * matches {@code /v1} and {@code /v1/items} but not {@code /v10}.
   */
  public Credential onlyUnderPath(String pathPrefix) {
    if (pathPrefix == null || !pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException("Path prefix must start with '/': " + pathPrefix);
    }
    if (pathPrefix.contains("..") || pathPrefix.indexOf('?') >= 0 || pathPrefix.indexOf('#') >= 0) {
      throw new IllegalArgumentException("Path prefix must be a plain path without '..', '?' or '#': "
          + pathPrefix);
    }
    return new Credential(hostPattern, headerName, headerValue, methods, pathPrefix);
  }

  /** The host pattern in canonical form, such as {@code *.example.com}. */
  public String hostPattern() {
    return hostPattern.toString();
  }

  /** The header this credential sets, such as {@code Authorization}. */
  public String headerName() {
    return headerName;
  }

  /**
   * The secret header value. Hardwire's adapters read it to attach the header; application code
   * should have no reason to, and must never log it.
   */
  public String headerValue() {
    return headerValue;
  }

  /** The methods this credential is restricted to, upper case; empty means every method. */
  public Set<String> methods() {
    return methods;
  }

  /** The path prefix this credential is restricted to; {@code /} means every path. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /** True if this credential's host pattern matches the canonical host {@code host}. */
  public boolean matchesHost(String canonicalHost) {
    return hostPattern.matches(canonicalHost);
  }

  /** True if this credential may ride on a request with {@code method} to {@code path}. */
  public boolean allows(String method, String path) {
    if (!methods.isEmpty() && !methods.contains(method.toUpperCase(Locale.ROOT))) return false;
    if (pathPrefix.equals("/")) return true;
    String p = path == null || path.isEmpty() ? "/" : path;
    if (!p.startsWith(pathPrefix)) return false;
    return pathPrefix.endsWith("/") || p.length() == pathPrefix.length() || p.charAt(pathPrefix.length()) == '/';
  }

  /** Equal credentials carry the same header and scope; the secret is compared too. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Credential)) return false;
    Credential that = (Credential) other;
    return hostPattern.equals(that.hostPattern)
        && headerName.equalsIgnoreCase(that.headerName)
        && headerValue.equals(that.headerValue)
        && methods.equals(that.methods)
        && pathPrefix.equals(that.pathPrefix);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {hostPattern, headerName.toLowerCase(Locale.ROOT), methods, pathPrefix});
  }

  /** Shows the scope and header name; the value is always {@code ██}. */
  @Override
  public String toString() {
    StringBuilder result = new StringBuilder("Credential{")
        .append(hostPattern).append(", ").append(headerName).append(": ██");
    if (!methods.isEmpty()) result.append(", methods=").append(methods);
    if (!pathPrefix.equals("/")) result.append(", path=").append(pathPrefix).append('*');
    return result.append('}').toString();
  }

  private static void checkSecret(String secret, String what) {
    if (secret == null) throw new NullPointerException(what + " == null");
    if (secret.isEmpty()) throw new IllegalArgumentException("The " + what + " is empty.");
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      // Never echo the secret: only its position.
      if (c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException("The " + what + " contains a control character at index " + i
            + "; header values cannot contain CR, LF or other control characters.");
      }
    }
  }

  private static void checkHeaderName(String name) {
    checkToken(name, "header name");
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("host") || lower.equals("content-length") || lower.equals("transfer-encoding")
        || lower.equals("connection")) {
      throw new IllegalArgumentException("'" + name + "' is a protocol header and cannot carry a credential.");
    }
  }

  static void checkToken(String token, String what) {
    if (token == null) throw new NullPointerException(what + " == null");
    if (token.isEmpty()) throw new IllegalArgumentException("The " + what + " is empty.");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) throw new IllegalArgumentException("Invalid " + what + " '" + token + "': character '" + c
          + "' is not allowed in an HTTP token (RFC 9110).");
    }
  }
}
