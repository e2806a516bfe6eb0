package dev.hardwire.audit.scan;

import java.util.Comparator;
import java.util.Objects;

/**
 * One cleartext endpoint found in a file. The URL is already masked: a finding never holds a
 * credential, so every report can print it as is.
 *
 * @param file the path relative to the scanned root, with {@code /} separators
 * @param line 1-based line
 * @param column 1-based column in UTF-16 code units, where the URL starts
 * @param url the URL with userinfo and secret query parameters replaced by {@code ***}
 * @param rule what was found
 * @param severity how urgent it is
 * @param message what is wrong and how to fix it, without any credential
 * @param fixable whether {@code --fix} may rewrite it: an http or ws URL to a public host on the
 *     default port, where https is the same service (an internal host or a custom port may well
 *     not serve TLS, so those are left to a person)
 */
public record Finding(String file, int line, int column, String url, Rule rule,
    Severity severity, String message, boolean fixable) {

  /** Orders findings by file, then position, as every report prints them. */
  public static final Comparator<Finding> BY_LOCATION = Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line)
      .thenComparingInt(Finding::column);

  public Finding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** Whether this finding is at least as severe as {@code threshold}. */
  public boolean isAtLeast(Severity threshold) {
    return severity.compareTo(threshold) >= 0;
  }

  Finding withFixable() {
    return new Finding(file, line, column, url, rule, severity, message, true);
  }
}
