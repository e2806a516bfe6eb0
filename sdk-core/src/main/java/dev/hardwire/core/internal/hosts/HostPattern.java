package dev.hardwire.core.internal.hosts;

/**
 * A host pattern as pins and credentials use it: {@code api.example.com} (that host only), {@code
 * *.example.com} (exactly one more label) or {@code **.example.com} (example.com and any subdomain,
 * at any depth). IP literals match exactly.
 */
public final class HostPattern {
  private final String pattern;
  private final String suffix;
  private final boolean oneLabel;
  private final boolean anyDepth;

  private HostPattern(String pattern, String suffix, boolean oneLabel, boolean anyDepth) {
    this.pattern = pattern;
    this.suffix = suffix;
    this.oneLabel = oneLabel;
    this.anyDepth = anyDepth;
  }

  /**
   * Parses {@code pattern}.
   *
   * @throws IllegalArgumentException naming the problem and the accepted forms
   */
  public static HostPattern parse(String pattern) {
    if (pattern == null) throw new NullPointerException("host pattern == null");
    String body = pattern;
    boolean oneLabel = false;
    boolean anyDepth = false;
    if (pattern.startsWith("**.")) {
      anyDepth = true;
      body = pattern.substring(3);
    } else if (pattern.startsWith("*.")) {
      oneLabel = true;
      body = pattern.substring(2);
    }
    if (body.indexOf('*') >= 0) {
      throw invalid(pattern, "'*' may only stand alone as the left-most label ('*.' or '**.')");
    }
    String canonical = HostNames.canonicalize(body);
    if (canonical == null) throw invalid(pattern, "'" + body + "' is not a valid host name or IP literal");
    boolean wildcard = oneLabel || anyDepth;
    if (wildcard && HostNames.isIpLiteral(canonical)) {
      throw invalid(pattern, "a wildcard cannot apply to an IP address");
    }
    if (wildcard && canonical.indexOf('.') < 0) {
      throw invalid(pattern, "a wildcard must be followed by at least two labels, so that it cannot span a"
          + " whole top-level domain");
    }
    String normalized = (anyDepth ? "**." : oneLabel ? "*." : "") + canonical;
    return new HostPattern(normalized, canonical, oneLabel, anyDepth);
  }

  private static IllegalArgumentException invalid(String pattern, String problem) {
    return new IllegalArgumentException("Invalid host pattern '" + pattern + "': " + problem
        + ". Use 'api.example.com', '*.example.com' (one label) or '**.example.com' (any depth).");
  }

  /** True if this pattern matches {@code canonicalHost}, as returned by {@link HostNames#canonicalize}. */
  public boolean matches(String canonicalHost) {
    if (canonicalHost == null) return false;
    if (!oneLabel && !anyDepth) return canonicalHost.equals(suffix);
    if (anyDepth && canonicalHost.equals(suffix)) return true;
    int prefixLength = canonicalHost.length() - suffix.length() - 1;
    if (prefixLength <= 0
        || !canonicalHost.endsWith(suffix)
        || canonicalHost.charAt(prefixLength) != '.') {
      return false;
    }
    return anyDepth || canonicalHost.lastIndexOf('.', prefixLength - 1) < 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HostPattern && ((HostPattern) other).pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  /** The pattern in canonical form, such as {@code *.example.com}. */
  @Override
  public String toString() {
    return pattern;
  }
}
