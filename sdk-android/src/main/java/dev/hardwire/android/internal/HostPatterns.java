package dev.hardwire.android.internal;

/**
 * Hardwire host patterns in Network Security Config terms. NSC knows a domain alone or with every
 * subdomain ({@code includeSubdomains}); it has no "exactly one more label" like {@code
 * *.example.com}.
 */
final class HostPatterns {
  private HostPatterns() {
  }

  /** The domain of a canonical pattern: {@code example.com} for {@code *.example.com} and {@code **.example.com}. */
  static String domain(String canonicalPattern) {
    if (canonicalPattern.startsWith("**.")) return canonicalPattern.substring(3);
    if (canonicalPattern.startsWith("*.")) return canonicalPattern.substring(2);
    return canonicalPattern;
  }

  /**
   * True if NSC must include subdomains to cover the pattern. For {@code *.example.com} that is
   * wider than the pattern (it also covers example.com itself and deeper names): the platform then
   * enforces the pattern's pins on more names than Hardwire does, never on fewer.
   */
  static boolean includeSubdomains(String canonicalPattern) {
    return canonicalPattern.startsWith("*");
  }
}
