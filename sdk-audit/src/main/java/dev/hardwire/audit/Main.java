package dev.hardwire.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code hardwire-audit} command line.
 *
 * <pre>
 * audit [--format text|json|sarif] [--fail-on SEVERITY] [--baseline FILE]
 *       [--fix [--dry-run]] PATH...
 * check [--format text|json] [--trust-anchors PEM] URL...
 * policy lint [--fail-on error|warning|note] FILE...
 * </pre>
 *
 * <p>Exit codes: {@value #EXIT_OK} nothing at or above the threshold, {@value #EXIT_FINDINGS}
 * findings at or above it (for {@code check}: a problem found), {@value #EXIT_USAGE} bad input.
 */
public final class Main {
  static final int EXIT_OK = 0;
  static final int EXIT_FINDINGS = 1;
  static final int EXIT_USAGE = 2;

  private Main() {
  }

  public static void main(String[] args) {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    System.exit(run(Arrays.asList(args), out, err));
  }

  /** Runs one command; returns the exit code. */
  static int run(List<String> args, Writer out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      err.println(usage());
      return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      switch (command) {
        case "audit":
          return AuditCommand.run(rest, out, err);
        case "check":
          return CheckCommand.run(rest, out, err);
        case "policy":
          return PolicyCommand.run(rest, out, err);
        default:
          throw new UsageException("unknown command '" + command + "': use audit or check");
      }
    } catch (UsageException e) {
      err.println("hardwire-audit: " + e.getMessage());
      err.println(usage());
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println("hardwire-audit: " + e.getMessage());
      return EXIT_USAGE;
    }
  }

  private static String usage() {
    return "usage: java -jar hardwire-audit.jar " + AuditCommand.USAGE + "\n"
        + "       java -jar hardwire-audit.jar " + CheckCommand.USAGE + "\n"
        + "       java -jar hardwire-audit.jar " + PolicyCommand.USAGE + "\n"
        + "exit codes: 0 ok, 1 findings at or above --fail-on (default low), 2 usage error";
  }
}
