package dev.hardwire.config;

import static dev.hardwire.config.Fixtures.PIN_A;
import static dev.hardwire.config.Fixtures.PIN_B;
import static dev.hardwire.config.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLintTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path directory;

  @Test
  void aStrongPolicyHasNoFindings() {
    Path file = write(directory, "policy.yaml", "version: 1\npins:\n  - host: api.example.com\n"
        + "    pins: [" + PIN_A + ", " + PIN_B + "]\n    expires: \"2031-01-01\"\n");
    assertEquals(List.of(), PolicyLint.lint(file, NOW));
  }

  @Test
  void reportsWeakButLegalChoicesWhereTheyAreWritten() {
    Path file = write(directory, "policy.yaml", "version: 1\n"
        + "minimumTlsVersion: \"1.2\"\n"
        + "cleartextMode: upgrade\n"
        + "pins:\n"
        + "  - host: cdn.example.com\n"
        + "    pins: [" + PIN_A + "]\n"
        + "    reportOnly: true\n"
        + "  - host: api.example.com\n"
        + "    pins: [" + PIN_A + ", " + PIN_B + "]\n"
        + "    expires: \"2030-01-11\"\n"
        + "  - host: old.example.com\n"
        + "    pins: [" + PIN_A + ", " + PIN_B + "]\n"
        + "    expires: \"2029-06-01\"\n");
    List<LintFinding> findings = PolicyLint.lint(file, NOW);
    assertEquals(List.of(
        "2:20 NOTE tls-1.2-allowed",
        "3:16 WARNING cleartext-upgrade",
        "7:17 WARNING pins-report-only",
        "6:11 WARNING single-pin",
        "10:14 WARNING pins-expiring",
        "13:14 WARNING pins-expiring"), summary(findings));
    assertTrue(findings.get(4).message().contains("expire on 2030-01-11T00:00:00Z, in 10 days"),
        findings.get(4).message());
    assertTrue(findings.get(5).message().contains("expired on 2029-06-01"), findings.get(5).message());
    assertTrue(findings.get(0).toString().startsWith(file + ":2:20: note [tls-1.2-allowed] "),
        findings.get(0).toString());
  }

  @Test
  void reportsTrustAnchorsAboutToExpire() {
    // okhttp-tls certificates are valid for a day.
    Path file = write(directory, "policy.yaml", "version: 1\ntrustAnchors:\n  - pem: |\n"
        + Fixtures.indent(Fixtures.root().certificatePem(), 6));
    List<LintFinding> findings = PolicyLint.lint(file);
    assertEquals(List.of("3:5 WARNING trust-anchor-expiring"), summary(findings));
  }

  @Test
  void reportsEveryProblemOfAnInvalidFileAsErrors() {
    Path file = write(directory, "policy.yaml", "version: 1\nminimumTlsVersion: \"1.1\"\ncleartext: refuse\n");
    List<LintFinding> findings = PolicyLint.lint(file, NOW);
    assertEquals(List.of("2:20 ERROR invalid", "3:1 ERROR invalid"), summary(findings));
    assertTrue(findings.get(1).message().contains("did you mean 'cleartextMode'?"), findings.get(1).message());
  }

  @Test
  void checksReferencesWithoutResolvingThem() {
    // CI lints where the secrets are not: unset variables and absent files are fine, literals are not.
    Path file = write(directory, "policy.yaml", "version: 1\ncredentials:\n"
        + "  - {type: bearer, host: a.example.com, token: \"${env:SURELY_NOT_SET_ANYWHERE}\"}\n"
        + "  - {type: header, host: b.example.com, name: X-Key, value: \"${file:/absent/secret}\"}\n"
        + "  - {type: bearer, host: c.example.com, token: hunter2}\n");
    List<LintFinding> findings = PolicyLint.lint(file, NOW);
    assertEquals(List.of("5:48 ERROR invalid"), summary(findings));
    assertTrue(findings.get(0).message().contains("literal secret"));
  }

  @Test
  void theExamplesLintAsDocumented() {
    assertEquals(List.of(), PolicyLint.lint(Fixtures.EXAMPLES.resolve("minimal.yaml"), NOW));
    // policy.yaml's CDN pins are rolled out report-only, with one pin so far.
    assertEquals(List.of("25:17 WARNING pins-report-only", "24:7 WARNING single-pin"),
        summary(PolicyLint.lint(Fixtures.EXAMPLES.resolve("policy.yaml"), NOW)));
    assertEquals(List.of("5:20 NOTE tls-1.2-allowed", "6:16 WARNING cleartext-upgrade",
        "12:17 WARNING pins-report-only"),
        summary(PolicyLint.lint(Fixtures.EXAMPLES.resolve("mobile-rollout.yaml"), NOW)));
  }

  private static List<String> summary(List<LintFinding> findings) {
    return findings.stream().map(f -> f.line() + ":" + f.column() + " " + f.severity() + " " + f.rule())
        .collect(Collectors.toList());
  }
}
