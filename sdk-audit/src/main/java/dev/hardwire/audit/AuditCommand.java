package dev.hardwire.audit;

import dev.hardwire.audit.baseline.Baseline;
import dev.hardwire.audit.fix.Fixer;
import dev.hardwire.audit.report.Format;
import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.ScanResult;
import dev.hardwire.audit.scan.Scanner;
import dev.hardwire.audit.scan.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code audit [options] PATH...}: scan, filter by baseline, optionally fix, report. */
final class AuditCommand {
  static final String USAGE = "audit [--format text|json|sarif] [--fail-on info|low|medium|high"
      + "|critical] [--baseline FILE] [--fix [--dry-run]] [--include-vendored] [--no-gitignore]"
      + " PATH...";

  private AuditCommand() {
  }

  static int run(List<String> args, Writer out, PrintStream err)
      throws UsageException, IOException {
    Arguments arguments = Arguments.parse("audit", args,
        Set.of("--fix", "--dry-run", "--include-vendored", "--no-gitignore"),
        Set.of("--format", "--fail-on", "--baseline"));
    Format format = parse(() -> Format.parse(arguments.value("--format", "text")));
    Severity failOn = parse(() -> Severity.parse(arguments.value("--fail-on", "low")));
    boolean fix = arguments.has("--fix");
    boolean dryRun = arguments.has("--dry-run");
    if (dryRun && !fix) {
      throw new UsageException("--dry-run previews --fix: use --fix --dry-run");
    }
    if (arguments.operands().isEmpty()) {
      throw new UsageException("no PATH given: name the folders or files to scan, e.g. audit .");
    }
    Baseline baseline = null;
    String baselineFile = arguments.value("--baseline", null);
    if (baselineFile != null) {
      try {
        baseline = Baseline.load(Path.of(baselineFile));
      } catch (IOException e) {
        throw new UsageException(e.getMessage());
      }
    }
    Scanner scanner = new Scanner(arguments.has("--include-vendored"),
        !arguments.has("--no-gitignore"), warning -> err.println("hardwire-audit: " + warning),
        baselineFile == null ? Set.of() : Set.of(Path.of(baselineFile)));
    List<Finding> reported = new ArrayList<>();
    for (String operand : arguments.operands()) {
      Path root = Path.of(operand);
      if (!Files.exists(root)) {
        throw new UsageException("no such file or folder: " + operand);
      }
      ScanResult result = scanner.scan(root);
      List<Finding> findings = baseline == null ? result.findings()
          : baseline.newFindings(result.findings());
      reported.addAll(fix ? fix(root, findings, dryRun, out, err) : findings);
    }
    if (!(fix && dryRun)) {
      format.write(reported, out);
    }
    out.flush();
    return reported.stream().anyMatch(f -> f.isAtLeast(failOn)) ? Main.EXIT_FINDINGS
        : Main.EXIT_OK;
  }

  /**
   * Fixes (or previews) what can be fixed; returns the findings that remain, which after a dry
   * run are all of them.
   */
  private static List<Finding> fix(Path root, List<Finding> findings, boolean dryRun, Writer out,
      PrintStream err) throws IOException {
    List<Fixer.FileFix> plan = Fixer.plan(root, findings);
    Set<Finding> fixed = new HashSet<>();
    int files = 0;
    for (Fixer.FileFix file : plan) {
      if (file.refusal() != null) {
        err.println("hardwire-audit: left " + file.file() + " unchanged: " + file.refusal());
        continue;
      }
      fixed.addAll(file.fixedFindings());
      files++;
      if (dryRun) {
        out.write(file.diff());
      }
    }
    if (!dryRun) {
      Fixer.apply(plan);
    }
    List<Finding> remaining = new ArrayList<>(findings);
    remaining.removeAll(fixed);
    err.println("hardwire-audit: " + (dryRun ? "would rewrite " : "rewrote ") + fixed.size()
        + " URL(s) in " + files + " file(s) under " + root + "; " + remaining.size()
        + " finding(s) " + (dryRun ? "would " : "") + "remain");
    return dryRun ? findings : remaining;
  }

  /** Runs a command-line parse, turning its IllegalArgumentException into a usage error. */
  static <T> T parse(Supplier<T> parse) throws UsageException {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
