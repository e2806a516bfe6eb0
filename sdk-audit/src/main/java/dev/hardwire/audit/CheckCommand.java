package dev.hardwire.audit;

import dev.hardwire.audit.check.CheckReport;
import dev.hardwire.audit.check.CheckResult;
import dev.hardwire.audit.check.EndpointChecker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code check [options] URL...}: probe endpoints, print, exit 1 if any has a finding. */
final class CheckCommand {
  static final String USAGE = "check [--format text|json] [--trust-anchors PEM]"
      + " [--https-port N] [--http-port N] [--timeout SECONDS] URL...";

  private CheckCommand() {
  }

  static int run(List<String> args, Writer out, PrintStream err)
      throws UsageException, IOException {
    Arguments arguments = Arguments.parse("check", args, Set.of(),
        Set.of("--format", "--trust-anchors", "--https-port", "--http-port", "--timeout"));
    String format = arguments.value("--format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("check prints text or json, not '" + format
          + "': use --format text or --format json");
    }
    int httpsPort = number(arguments.value("--https-port", "443"), "--https-port", 65535);
    int httpPort = number(arguments.value("--http-port", "80"), "--http-port", 65535);
    int timeout = number(arguments.value("--timeout", "5"), "--timeout", 300);
    if (arguments.operands().isEmpty()) {
      throw new UsageException(
          "no URL given: name the endpoints, e.g. check https://api.example.com");
    }
    String anchors = arguments.value("--trust-anchors", null);
    EndpointChecker checker;
    try {
      checker = new EndpointChecker(anchors == null ? null : Path.of(anchors),
          Duration.ofSeconds(timeout), Clock.systemUTC());
    } catch (IOException e) {
      throw new UsageException(e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
    List<CheckResult> results = new ArrayList<>();
    for (String url : arguments.operands()) {
      results.add(AuditCommand.parse(() -> checker.check(url, httpsPort, httpPort)));
    }
    if (format.equals("json")) {
      CheckReport.writeJson(results, out);
    } else {
      CheckReport.writeText(results, out);
    }
    return results.stream().anyMatch(CheckResult::failed) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }

  private static int number(String value, String option, int max) throws UsageException {
    try {
      int number = Integer.parseInt(value);
      if (number >= 1 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new UsageException(option + " takes a number from 1 to " + max + ", not '" + value + "'");
  }
}
