package dev.hardwire.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.Map;
import okhttp3.tls.HeldCertificate;
import dev.hardwire.core.SecurityPolicy;

/** Shared test inputs: pins, generated certificates, and loading helpers. */
final class Fixtures {
  static final String PIN_A = "sha256/pjpw6MAKFe1zqFIrE2HPEJENKp+Kf24mTknAL4dqICs=";
  static final String PIN_B = "sha256/xjFg2je3/YWZqCESIgk8DErgWQX5k4xZRC135qW9tEw=";
  static final String PIN_C = "sha256/yREe8G6FUw2Fkr0veEYf/svlRe97pWMRUkFhdRte5d4=";
  static final String SECRET = "s3cr3t-t0ken-value-never-printed";
  static final String BASIC_PASSWORD = "basic-password-never-printed";
  /** The header value of {@code Credential.basic(host, "reporting", BASIC_PASSWORD)}. */
  static final String BASIC_VALUE = "Basic " + Base64.getEncoder()
      .encodeToString(("reporting:" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
  /** Includes the variables {@link PolicyFiles#write} names for {@code PolicyWriterTest.everything}. */
  static final Map<String, String> ENVIRONMENT = Map.of(
      "HARDWIRE_CREDENTIAL_1", SECRET,
      "HARDWIRE_CREDENTIAL_2", BASIC_VALUE,
      "HARDWIRE_CREDENTIAL_3", SECRET + "-key",
      "API_TOKEN", SECRET,
      "EXAMPLE_API_TOKEN", SECRET,
      "REPORTS_PASSWORD", SECRET + "-pw",
      "EMPTY", "");
  static final PolicyLoader LOADER = PolicyLoader.builder().environment(ENVIRONMENT).build();
  static final Path EXAMPLES = Paths.get("examples");

  private static HeldCertificate root;

  private Fixtures() {
  }

  static synchronized HeldCertificate root() {
    if (root == null) {
      root = new HeldCertificate.Builder().certificateAuthority(1).commonName("Config Test Root").build();
    }
    return root;
  }

  static HeldCertificate leaf() {
    return new HeldCertificate.Builder().commonName("api.example.com").signedBy(root()).build();
  }

  static SecurityPolicy yaml(String text) throws PolicyFileException {
    return LOADER.load(stream(text), Format.YAML);
  }

  static SecurityPolicy json(String text) throws PolicyFileException {
    return LOADER.load(stream(text), Format.JSON);
  }

  static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path directory, String name, String text) {
    try {
      Path file = directory.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indents every line of {@code text} by {@code spaces}, for PEM inside YAML block scalars. */
  static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return pad + text.strip().replace("\n", "\n" + pad) + "\n";
  }
}
