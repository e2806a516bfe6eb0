package dev.hardwire.config.internal;

import dev.hardwire.config.Format;
import dev.hardwire.config.PolicyFileException;
import dev.hardwire.core.SecurityPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/** Reads a policy file: bytes, then a located tree, then a checked policy. All or nothing. */
public final class PolicyFileReader {
  /** Far above any real policy; keeps a wrong file (a log, a binary) from being read into memory whole. */
  static final int MAX_POLICY_BYTES = 1024 * 1024;

  private PolicyFileReader() {
  }

  /**
   * Reads {@code file} with {@code environment} for {@code ${env:...}} references.
   *
   * @throws PolicyFileException for every problem, with nothing applied
   */
  public static SecurityPolicy read(Path file, Map<String, String> environment) throws PolicyFileException {
    return parse(file, environment).policy;
  }

  /** Reads a stream; relative paths in it resolve against {@code baseDirectory}, or are refused if it is null. */
  public static SecurityPolicy read(InputStream in, Format format, Path baseDirectory,
      Map<String, String> environment) throws PolicyFileException {
    if (in == null || format == null) throw new NullPointerException("in or format == null");
    String source = "policy (" + format + " stream)";
    byte[] bytes;
    try {
      bytes = LocalFiles.readAtMost(in, MAX_POLICY_BYTES);
    } catch (IOException e) {
      throw single(source, "Cannot read the policy: " + e.getClass().getSimpleName() + ".", e);
    }
    if (bytes == null) throw tooLarge(source);
    return parse(bytes, format, source, baseDirectory, environment).policy;
  }

  /** Parses {@code file}; with a null {@code environment}, secret references are checked but not resolved. */
  static ParsedPolicy parse(Path file, Map<String, String> environment) throws PolicyFileException {
    String source = file.toString();
    Format format = formatOf(file);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = LocalFiles.readAtMost(in, MAX_POLICY_BYTES);
    } catch (IOException | SecurityException e) {
      throw single(source, "Cannot read the policy file (" + e.getClass().getSimpleName() + "). Check that it"
          + " exists and that this process may read it.", e);
    }
    if (bytes == null) throw tooLarge(source);
    return parse(bytes, format, source, file.toAbsolutePath().getParent(), environment);
  }

  private static ParsedPolicy parse(byte[] bytes, Format format, String source, Path baseDirectory,
      Map<String, String> environment) throws PolicyFileException {
    Problems problems = new Problems(source);
    LocalFiles files = new LocalFiles(baseDirectory);
    Secrets secrets = environment == null ? Secrets.checkingOnly(files) : Secrets.resolving(environment, files);
    Node root = NodeReader.read(bytes, format, problems);
    ParsedPolicy parsed = null;
    if (root != null) parsed = new PolicyParser(problems, secrets, files).parse(root);
    problems.throwIfAny();
    return parsed;
  }

  /** The format a file's extension names. */
  public static Format formatOf(Path file) throws PolicyFileException {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) return Format.JSON;
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return Format.YAML;
    throw single(file.toString(), "Cannot tell the format from the file name: name a policy file *.json, *.yaml"
        + " or *.yml, or load a stream with PolicyFiles.load(in, Format.YAML).", null);
  }

  private static PolicyFileException tooLarge(String source) {
    return single(source, "The policy is larger than " + MAX_POLICY_BYTES + " bytes; this is not a policy file.",
        null);
  }

  private static PolicyFileException single(String source, String message, Throwable cause) {
    return new PolicyFileException(Collections.singletonList(new PolicyFileException.Problem(source, 0, 0,
        message)), cause);
  }
}
