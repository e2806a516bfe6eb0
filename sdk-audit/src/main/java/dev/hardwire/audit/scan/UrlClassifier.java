package dev.hardwire.audit.scan;

import java.util.List;

/**
 * The audit's rules for one value that a tool has already found in code, such as a string literal
 * that an OpenRewrite recipe ({@code sdk-migrate}) visits. It answers what a scan would say about
 * a URL at the start of that value, so that the audit and the recipes never disagree about which
 * URLs are endpoints.
 *
 * <pre>{@code
 * UrlClassifier.classify("http://api.acme.io/v1", List.of("baseUrl"));      // UPGRADE
 * UrlClassifier.classify("http://www.w3.org/2000/svg", List.of());           // NOT_AN_ENDPOINT
 * UrlClassifier.classify("http://acme.io/ns", List.of("namespace"));         // NOT_AN_ENDPOINT
 * UrlClassifier.classify("http://localhost:8080/", List.of());               // LOOPBACK
 * UrlClassifier.classify("http://billing.internal/", List.of());             // REVIEW
 * }</pre>
 *
 * <p>Comments and the surrounding file are the caller's business: this class sees one value.
 */
public final class UrlClassifier {
  /** What a value that starts with a URL is, and what may be done with it. */
  public enum Verdict {
    /**
     * No cleartext endpoint: another scheme, no usable host, an identifier (XML namespace, schema
     * location, license link), a documentation link, an RFC 2606 example host, or a sentence.
     */
    NOT_AN_ENDPOINT,
    /** Cleartext that stays on this machine; a scan reports it as information only. */
    LOOPBACK,
    /**
     * An http or ws URL to a public host on the default port, without userinfo: https (wss) is
     * the same service, so {@code audit --fix} rewrites it.
     */
    UPGRADE,
    /**
     * Cleartext that a person must fix: an internal, link-local or templated host, a custom
     * port, userinfo, or ftp. The TLS twin may not exist, so no tool rewrites it.
     */
    REVIEW
  }

  private UrlClassifier() {
  }

  /**
   * Classifies the URL that starts {@code value}.
   *
   * @param value the value as the program sees it (a string literal's content, unescaped)
   * @param keys the names the value is filed under, innermost first, as a scan would find them: the
   *     variable, field, annotation attribute, method or class it is passed to ({@code baseUrl},
   *     {@code namespace}, {@code QName}); empty when there is none
   */
  public static Verdict classify(String value, List<String> keys) {
    int separator = value.indexOf("://");
    Endpoint endpoint = separator < 0 ? null : Endpoint.at(value, separator, false);
    if (endpoint == null || endpoint.start() != 0) {
      return Verdict.NOT_AN_ENDPOINT;
    }
    String afterScheme = endpoint.text().substring(endpoint.text().indexOf("//") + 2);
    if (Identifiers.isIdentifier(afterScheme) || KeyRoles.isIdentifier(keys)
        || KeyRoles.isDocumentation(keys)
        || Prose.isSentence(value, endpoint.start(), endpoint.end())) {
      return Verdict.NOT_AN_ENDPOINT;
    }
    HostClass host = HostClass.of(endpoint.host());
    if (host == HostClass.EXAMPLE) {
      return Verdict.NOT_AN_ENDPOINT;
    }
    if (host == HostClass.LOOPBACK) {
      return Verdict.LOOPBACK;
    }
    return isFixable(endpoint, host) ? Verdict.UPGRADE : Verdict.REVIEW;
  }

  /**
   * Whether https (wss) is the same service as {@code endpoint}: an http or ws URL without
   * userinfo to a public host on the default port. {@link FileScanner} marks the same findings
   * fixable.
   */
  static boolean isFixable(Endpoint endpoint, HostClass host) {
    return !endpoint.scheme().equals("ftp") && !endpoint.hasUserinfo() && host == HostClass.PUBLIC
        && (endpoint.port() == -1 || endpoint.port() == 80) && !endpoint.isTemplatedHost();
  }
}
