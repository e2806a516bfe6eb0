package dev.hardwire.config;

import dev.hardwire.config.internal.PolicyWriter;
import dev.hardwire.core.SecurityPolicy;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A {@link SecurityPolicy} as a file that configuration management deploys and security teams
 * review and diff, in JSON or YAML. The format is described in this module's README and by the JSON
 * Schema {@code dev/hardwire/config/policy.schema.json} on the class path.
 *
 * <pre>{@code
 * SecurityPolicy policy = PolicyFiles.load(Paths.get("/etc/hardwire/policy.yaml"));
 * OkHttpClient client = HardenedOkHttp.newClient(policy);
 *
 * // Listeners that need objects from code are added by code:
 * SecurityPolicy withTelemetry = PolicyFiles.loadBuilder(path).eventListener(telemetry).build();
 * }</pre>
 *
 * <p>A file that cannot be read, is not valid JSON or YAML, or asks for something Hardwire does
 * not allow fails with a {@link PolicyFileException} that lists every problem with its line and
 * column, and no policy is made:
 *
 * <pre>
 * policy.yaml:2:20: minimumTlsVersion "1.1" is not allowed: 1.2 is the oldest TLS version that Hardwire allows ...
 * </pre>
 *
 * <p>Secrets are references only, {@code ${env:NAME}} or {@code ${file:/path}}, resolved against
 * the process environment; use {@link PolicyLoader} to supply another environment.
 */
public final class PolicyFiles {
  private PolicyFiles() {
  }

  /** Loads {@code file} (JSON or YAML by its extension); see {@link PolicyLoader#load(Path)}. */
  public static SecurityPolicy load(Path file) throws PolicyFileException {
    return PolicyLoader.create().load(file);
  }

  /** Loads a policy from {@code in}; see {@link PolicyLoader#load(InputStream, Format)}. */
  public static SecurityPolicy load(InputStream in, Format format) throws PolicyFileException {
    return PolicyLoader.create().load(in, format);
  }

  /** Loads {@code file} into a builder, for code that adds listeners or a clock. */
  public static SecurityPolicy.Builder loadBuilder(Path file) throws PolicyFileException {
    return PolicyLoader.create().loadBuilder(file);
  }

  /** Loads a policy from {@code in} into a builder. */
  public static SecurityPolicy.Builder loadBuilder(InputStream in, Format format) throws PolicyFileException {
    return PolicyLoader.create().loadBuilder(in, format);
  }

  /**
   * Writes {@code policy} as a policy file that loads back into an equal policy, with every setting
   * spelled out and trust anchors as inline PEM.
   *
   * <p>No secret is ever written. Each credential is written with its scope and a reference,
   * {@code ${env:HARDWIRE_CREDENTIAL_1}}, {@code _2} and so on, in the policy's order: rename them
   * to the variables your deployment provides. A bearer credential is written as {@code type:
   * bearer}; a basic or header credential as {@code type: header}, whose variable holds the whole
   * header value. Event listeners are code: only a {@link dev.hardwire.core.SecurityEventLogger}
   * is written, as {@code events: [log]}; the clock is not written.
   */
  public static String write(SecurityPolicy policy, Format format) {
    return PolicyWriter.write(policy, format);
  }
}
