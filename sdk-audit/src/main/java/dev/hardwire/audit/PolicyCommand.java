package dev.hardwire.audit;

import dev.hardwire.config.LintFinding;
import dev.hardwire.config.PolicyLint;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code policy lint [--fail-on error|warning|note] FILE...}: every problem of a Hardwire policy
 * file and its weak-but-legal choices (sdk-config's {@link PolicyLint}), one line each; exit 1 if
 * any is at or above the threshold (default warning).
 */
final class PolicyCommand {
  static final String USAGE = "policy lint [--fail-on error|warning|note] FILE...";

  private PolicyCommand() {
  }

  static int run(List<String> args, Writer out, PrintStream err) throws UsageException, IOException {
    if (args.isEmpty() || !args.get(0).equals("lint")) {
      throw new UsageException("policy has one subcommand: " + USAGE);
    }
    Arguments arguments = Arguments.parse("policy lint", args.subList(1, args.size()), Set.of(),
        Set.of("--fail-on"));
    LintFinding.Severity threshold = threshold(arguments.value("--fail-on", "warning"));
    if (arguments.operands().isEmpty()) {
      throw new UsageException("no policy file given: policy lint policy.yaml");
    }
    boolean failed = false;
    for (String file : arguments.operands()) {
      List<LintFinding> findings = PolicyLint.lint(Path.of(file));
      if (findings.isEmpty()) out.write(file + ": no findings\n");
      for (LintFinding finding : findings) {
        out.write(finding + "\n");
        // Severity is declared most severe first.
        failed |= finding.severity().compareTo(threshold) <= 0;
      }
    }
    out.flush();
    return failed ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }

  private static LintFinding.Severity threshold(String value) throws UsageException {
    try {
      return LintFinding.Severity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fail-on takes error, warning or note, not '" + value + "'");
    }
  }
}
