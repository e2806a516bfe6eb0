package dev.hardwire.config;

import dev.hardwire.config.internal.Lint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Reviews a policy file: every problem that keeps it from loading, and the weak choices it may
 * legally make, so that none stays by accident. The command line runs it as {@code hardwire-audit
 * policy lint FILE}.
 *
 * <pre>{@code
 * for (LintFinding finding : PolicyLint.lint(Paths.get("policy.yaml"))) {
 *   System.out.println(finding);
 *   // policy.yaml:6:20: note [tls-1.2-allowed] minimumTlsVersion "1.2" allows TLS 1.2 ...
 * }
 * }</pre>
 *
 * <p>Lint runs where the secrets are not (a CI job, a reviewer's laptop): it checks the syntax of
 * {@code ${env:...}} and {@code ${file:...}} references but resolves none. Weak choices it
 * reports: TLS 1.2 allowed, cleartext {@code upgrade}, report-only pins, a single pin, pins that
 * expired or expire within 30 days, and trust anchors that expire within 30 days.
 */
public final class PolicyLint {
  private PolicyLint() {
  }

  /** The findings for {@code file}, errors first; empty for a strong, valid policy. Never throws for a bad file. */
  public static List<LintFinding> lint(Path file) {
    return lint(file, Clock.systemUTC());
  }

  /** Like {@link #lint(Path)}, judging expiry by {@code clock}. */
  public static List<LintFinding> lint(Path file, Clock clock) {
    if (file == null || clock == null) throw new NullPointerException("file or clock == null");
    return Lint.lint(file, clock);
  }
}
