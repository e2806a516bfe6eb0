package dev.hardwire.audit.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Probes TLS 1.0 and 1.1, which the JDK disables through the security property
 * {@code jdk.tls.disabledAlgorithms}. That property is global and read once per process, so
 * re-enabling the old versions in this process would weaken every connection it makes. Instead
 * the probe runs in a short-lived child JVM that re-enables them for itself only, performs the
 * two handshakes (with the same trust checks, sending no request) and prints one line per
 * version. This process never changes a security property.
 */
final class LegacyTlsProbe {
  static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1");
  private static final String DISABLED_ALGORITHMS = "jdk.tls.disabledAlgorithms";

  private LegacyTlsProbe() {
  }

  /**
   * Runs the child JVM; returns, per version, what it saw: {@code offered SUITE},
   * {@code not offered} or {@code unknown: reason}.
   */
  static Map<String, String> run(String host, int port, Path anchorsPem, int timeoutMillis) {
    Map<String, String> results = new LinkedHashMap<>();
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp",
        System.getProperty("java.class.path"), LegacyTlsProbe.class.getName(), host,
        Integer.toString(port), Integer.toString(timeoutMillis)));
    if (anchorsPem != null) {
      command.add(anchorsPem.toAbsolutePath().toString());
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          int space = line.indexOf(' ');
          if (space > 0 && VERSIONS.contains(line.substring(0, space))) {
            results.put(line.substring(0, space), line.substring(space + 1));
          }
        }
      }
      if (!process.waitFor(4L * timeoutMillis + 10_000, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      VERSIONS.forEach(v -> results.putIfAbsent(v, "unknown: cannot start a JVM (" + e + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    VERSIONS.forEach(v -> results.putIfAbsent(v, "unknown: the probe JVM gave no answer"));
    return results;
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The child: {@code host port timeoutMillis [anchors.pem]}. */
  public static void main(String[] args) throws Exception {
    // First, before any JSSE class reads it: allow TLS 1.0 and 1.1 in this JVM only.
    String disabled = Security.getProperty(DISABLED_ALGORITHMS);
    List<String> kept = new ArrayList<>();
    for (String entry : (disabled == null ? "" : disabled).split(",")) {
      if (!VERSIONS.contains(entry.trim())) {
        kept.add(entry.trim());
      }
    }
    Security.setProperty(DISABLED_ALGORITHMS, String.join(", ", kept));
    TlsProbe probe = new TlsProbe(args.length > 3 ? Anchors.read(Path.of(args[3])) : null,
        Integer.parseInt(args[2]));
    for (String version : VERSIONS) {
      Handshake handshake = probe.handshake(args[0], Integer.parseInt(args[1]), version);
      System.out.println(version + " " + (handshake.offered() && version.equals(
          handshake.protocol()) ? "offered " + handshake.cipherSuite() : "not offered"));
    }
  }
}
