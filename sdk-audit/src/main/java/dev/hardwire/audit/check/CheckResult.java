package dev.hardwire.audit.check;

import java.util.List;
import java.util.Map;

/**
 * What {@code check} learned about one endpoint.
 *
 * @param target the URL as named, redacted
 * @param versions per TLS version (TLSv1 ... TLSv1.3): {@code offered SUITE}, {@code not
 *     offered} or {@code unknown: reason}
 * @param negotiated the version and suite of a default handshake, null if there was none
 * @param chainProblem why the chain is not trusted, null if it is
 * @param daysUntilExpiry days until the leaf certificate expires, null without a chain
 * @param hsts the Strict-Transport-Security header, null if absent or not asked for
 * @param cleartext what {@code http://} does: {@code refused}, {@code redirects to https},
 *     {@code redirects to http}, {@code serves content (STATUS)} or {@code no answer}
 * @param problems what is wrong, findings first
 */
public record CheckResult(String target, Map<String, String> versions, String negotiated,
    String chainProblem, Long daysUntilExpiry, String hsts, String cleartext,
    List<Problem> problems) {

  public CheckResult {
    versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
    problems = List.copyOf(problems);
  }

  /** Whether any problem fails the check. */
  public boolean failed() {
    return problems.stream().anyMatch(Problem::finding);
  }
}
