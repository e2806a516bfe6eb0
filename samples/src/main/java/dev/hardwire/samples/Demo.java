package dev.hardwire.samples;

import dev.hardwire.config.PolicyFileException;
import dev.hardwire.samples.demo.DemoPolicy;
import dev.hardwire.samples.demo.LoopbackDemo;
import dev.hardwire.samples.demo.UrlCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Hardwire in five minutes: {@code ./demo} at the repository root builds this module and runs it.
 *
 * <pre>
 * ./demo                               the tour, on HTTPS servers on 127.0.0.1 (no internet needed)
 * ./demo --url https://example.com/    checks a real server: https must work, http:// must be refused
 * ./demo --policy my-policy.yaml ...   with another policy file (default samples/hardwire-policy.yaml)
 * </pre>
 *
 * <p>Failures print one plain sentence and exit with status 1; wrong arguments print the usage and
 * exit with status 2. No stack traces: the reader is meeting Hardwire, not debugging it.
 */
public final class Demo {
  static final Path DEFAULT_POLICY = Paths.get("samples", "hardwire-policy.yaml");

  private Demo() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs the demo as {@link #main} would and returns its exit status. */
  static int run(String[] args, PrintStream out) {
    Path policy = DEFAULT_POLICY;
    String url = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--url") && i + 1 < args.length) {
        url = args[++i];
      } else if (args[i].equals("--policy") && i + 1 < args.length) {
        policy = Paths.get(args[++i]);
      } else {
        out.println(usage(args[i]));
        return 2;
      }
    }
    if (!Files.isRegularFile(policy)) {
      out.println("No policy file at " + policy.toAbsolutePath() + ". Run ./demo from the repository root, "
          + "or give one with --policy FILE.");
      return 1;
    }
    try {
      if (url == null) {
        LoopbackDemo.run(policy, out);
        return 0;
      }
      return UrlCheck.run(url, DemoPolicy.load(policy).build(), policy.toString(), out) ? 0 : 1;
    } catch (PolicyFileException e) {
      out.println("The policy file is not valid: " + e.getMessage());
    } catch (IOException e) {
      out.println("The demo could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Interrupted.");
    } catch (RuntimeException e) {
      out.println("The demo failed unexpectedly (" + e + "). Please report it with the output above.");
    }
    return 1;
  }

  private static String usage(String argument) {
    return (argument.equals("-h") || argument.equals("--help") ? "" : "Unknown argument: " + argument + "\n")
        + "Usage: ./demo [--url https://host/path] [--policy FILE]\n"
        + "  (no arguments)  the tour on HTTPS servers on this machine; needs no internet\n"
        + "  --url URL       check a server: the https:// URL must work with the policy and the platform's\n"
        + "                  trusted roots, and the same URL with http:// must be refused before any connection\n"
        + "  --policy FILE   the policy file to use (default " + DEFAULT_POLICY + ")";
  }
}
