package dev.hardwire.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
  private static final String PIN_A = "sha256/pjpw6MAKFe1zqFIrE2HPEJENKp+Kf24mTknAL4dqICs=";
  private static final String PIN_B = "sha256/xjFg2je3/YWZqCESIgk8DErgWQX5k4xZRC135qW9tEw=";

  @TempDir Path directory;
  private final StringWriter out = new StringWriter();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(List.of(args), out, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path policy(String text) throws IOException {
    return Files.writeString(directory.resolve("policy.yaml"), text);
  }

  @Test
  void aStrongPolicyPasses() throws IOException {
    Path file = policy("version: 1\npins: [{host: api.example.com, pins: [" + PIN_A + ", " + PIN_B + "]}]\n");
    assertEquals(Main.EXIT_OK, run("policy", "lint", file.toString()));
    assertEquals(file + ": no findings\n", out.toString());
  }

  @Test
  void weakChoicesFailAtTheDefaultThreshold() throws IOException {
    Path file = policy("version: 1\ncleartextMode: upgrade\n");
    assertEquals(Main.EXIT_FINDINGS, run("policy", "lint", file.toString()));
    assertTrue(out.toString().startsWith(file + ":2:16: warning [cleartext-upgrade] "), out.toString());
  }

  @Test
  void notesPassUnlessAskedFor() throws IOException {
    Path file = policy("version: 1\nminimumTlsVersion: \"1.2\"\n");
    assertEquals(Main.EXIT_OK, run("policy", "lint", file.toString()));
    assertTrue(out.toString().contains("note [tls-1.2-allowed]"), out.toString());
    assertEquals(Main.EXIT_FINDINGS, run("policy", "lint", "--fail-on", "note", file.toString()));
  }

  @Test
  void anInvalidFileIsAnErrorFinding() throws IOException {
    Path file = policy("version: 1\nminimumTlsVersion: \"1.1\"\n");
    assertEquals(Main.EXIT_FINDINGS, run("policy", "lint", "--fail-on", "error", file.toString()));
    assertTrue(out.toString().contains(":2:20: error [invalid] minimumTlsVersion \"1.1\" is not allowed"),
        out.toString());
  }

  @Test
  void usageErrors() {
    assertEquals(Main.EXIT_USAGE, run("policy"));
    assertEquals(Main.EXIT_USAGE, run("policy", "lint"));
    assertEquals(Main.EXIT_USAGE, run("policy", "lint", "--fail-on", "sometimes", "p.yaml"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--fail-on takes error, warning or note"));
  }
}
