package dev.hardwire.config.internal;

import dev.hardwire.config.LintFinding;
import dev.hardwire.config.PolicyFileException;
import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.HostPins;
import dev.hardwire.core.TlsVersion;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The weak-but-legal choices a policy file can make, found on the parsed file. */
public final class Lint {
  static final Duration SOON = Duration.ofDays(30);

  private final String file;
  private final List<LintFinding> findings = new ArrayList<>();

  private Lint(String file) {
    this.file = file;
  }

  public static List<LintFinding> lint(Path path, Clock clock) {
    Lint lint = new Lint(path.toString());
    ParsedPolicy parsed;
    try {
      parsed = PolicyFileReader.parse(path, null);
    } catch (PolicyFileException e) {
      for (PolicyFileException.Problem problem : e.problems()) {
        lint.findings.add(new LintFinding(LintFinding.Severity.ERROR, "invalid", problem.source(), problem.line(),
            problem.column(), problem.message()));
      }
      return lint.findings;
    }
    lint.check(parsed, clock.instant());
    return lint.findings;
  }

  private void check(ParsedPolicy parsed, Instant now) {
    if (parsed.policy.minimumTlsVersion() == TlsVersion.TLS_1_2) {
      add(LintFinding.Severity.NOTE, "tls-1.2-allowed", parsed.root.get("minimumTlsVersion"),
          "minimumTlsVersion \"1.2\" allows TLS 1.2 (ECDHE and AEAD suites only). Raise it to \"1.3\" once every"
              + " server you call offers TLS 1.3.");
    }
    if (parsed.policy.cleartextMode() == CleartextMode.UPGRADE) {
      add(LintFinding.Severity.WARNING, "cleartext-upgrade", parsed.root.get("cleartextMode"),
          "cleartextMode \"upgrade\" rewrites http:// URLs to https:// silently, so the code that still builds"
              + " them is never found. Prefer \"refuse\", and fix the URLs it reports.");
    }
    List<HostPins> pins = parsed.policy.pins();
    Node pinList = parsed.root.get("pins");
    for (int i = 0; i < pins.size(); i++) checkPins(pins.get(i), pinList.items.get(i), now);
    List<X509Certificate> anchors = parsed.policy.trustAnchors();
    for (int i = 0; i < anchors.size(); i++) {
      X509Certificate anchor = anchors.get(i);
      Instant notAfter = anchor.getNotAfter().toInstant();
      if (notAfter.isBefore(now.plus(SOON))) {
        add(LintFinding.Severity.WARNING, "trust-anchor-expiring", parsed.trustAnchorNodes.get(i),
            "Trust anchor '" + anchor.getSubjectX500Principal().getName() + "' " + expiry(notAfter, now)
                + ": every chain to it will be rejected. Add its successor now.");
      }
    }
  }

  private void checkPins(HostPins hostPins, Node entry, Instant now) {
    String host = hostPins.hostPattern();
    if (hostPins.reportOnly()) {
      add(LintFinding.Severity.WARNING, "pins-report-only", entry.get("reportOnly"), "The pins of " + host
          + " are report-only: a mismatch is only reported. Enforce them (remove reportOnly) once the"
          + " reports are clean.");
    }
    if (hostPins.pins().size() == 1) {
      add(LintFinding.Severity.WARNING, "single-pin", entry.get("pins"), host + " has a single pin. Add the pin"
          + " of a backup key before enforcing, or the first key rotation locks every client out.");
    }
    Instant expires = hostPins.expiresAt();
    if (expires != null && expires.isBefore(now.plus(SOON))) {
      add(LintFinding.Severity.WARNING, "pins-expiring", entry.get("expires"), "The pins of " + host + " "
          + expiry(expires, now) + "; after that they are not enforced. Move 'expires' forward with the"
          + " current pins.");
    }
  }

  private static String expiry(Instant at, Instant now) {
    if (!at.isAfter(now)) return "expired on " + at;
    long days = Duration.between(now, at).toDays();
    return "expire on " + at + (days == 0 ? ", today" : ", in " + days + (days == 1 ? " day" : " days"));
  }

  private void add(LintFinding.Severity severity, String rule, Node node, String message) {
    findings.add(new LintFinding(severity, rule, file, node.line, node.column, message));
  }
}
