package dev.hardwire.config;

import dev.hardwire.config.internal.PolicyFileReader;
import dev.hardwire.core.SecurityPolicy;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads policy files with a chosen environment for {@code ${env:NAME}} references, and a base
 * directory for the relative paths of a policy read from a stream. {@link PolicyFiles} uses the
 * process environment; tests and hosts that keep secrets elsewhere build their own loader:
 *
 * <pre>{@code
 * PolicyLoader loader = PolicyLoader.builder()
 *     .environment(Collections.singletonMap("API_TOKEN", token))
 *     .build();
 * SecurityPolicy policy = loader.load(Paths.get("/etc/hardwire/policy.yaml"));
 * }</pre>
 *
 * <p>Every method throws {@link PolicyFileException}, and nothing else, for a file that cannot be
 * read or is not a valid policy; it lists every problem with its line and column. A loader is
 * immutable and safe to share.
 */
public final class PolicyLoader {
  private final Map<String, String> environment;
  private final Path baseDirectory;

  private PolicyLoader(Builder builder) {
    this.environment = builder.environment;
    this.baseDirectory = builder.baseDirectory;
  }

  /** A loader that reads the process environment ({@link System#getenv()}) when it loads. */
  public static PolicyLoader create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the policy in {@code file}, JSON or YAML by its extension. Relative paths in the file
   * (trust anchor PEMs, secret files) are relative to the file's directory.
   */
  public SecurityPolicy load(Path file) throws PolicyFileException {
    if (file == null) throw new NullPointerException("file == null");
    return PolicyFileReader.read(file, environment());
  }

  /**
   * Loads the policy in {@code in}, which this method reads to the end but does not close.
   * Relative paths resolve against the {@linkplain Builder#baseDirectory base directory}, and are
   * refused without one.
   */
  public SecurityPolicy load(InputStream in, Format format) throws PolicyFileException {
    return PolicyFileReader.read(in, format, baseDirectory, environment());
  }

  /** Like {@link #load(Path)}, for code that adds to the policy, such as event listeners. */
  public SecurityPolicy.Builder loadBuilder(Path file) throws PolicyFileException {
    return load(file).newBuilder();
  }

  /** Like {@link #load(InputStream, Format)}, for code that adds to the policy. */
  public SecurityPolicy.Builder loadBuilder(InputStream in, Format format) throws PolicyFileException {
    return load(in, format).newBuilder();
  }

  private Map<String, String> environment() {
    return environment != null ? environment : System.getenv();
  }

  /** Configures a {@link PolicyLoader}. */
  public static final class Builder {
    private Map<String, String> environment;
    private Path baseDirectory;

    Builder() {
    }

    /**
     * The variables {@code ${env:NAME}} references resolve against, instead of the process
     * environment. The map is copied.
     */
    public Builder environment(Map<String, String> environment) {
      if (environment == null) throw new NullPointerException("environment == null");
      this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      return this;
    }

    /**
     * The directory relative paths resolve against when a policy is loaded from a stream. Without
     * it, a stream's relative paths are refused. Files always use their own directory.
     */
    public Builder baseDirectory(Path baseDirectory) {
      if (baseDirectory == null) throw new NullPointerException("baseDirectory == null");
      this.baseDirectory = baseDirectory.toAbsolutePath();
      return this;
    }

    public PolicyLoader build() {
      return new PolicyLoader(this);
    }
  }
}
