package dev.hardwire.config;

/**
 * The two syntaxes of a policy file. Both describe the same keys; {@link PolicyFiles#load(java.nio.file.Path)}
 * picks one by the file's extension ({@code .json}, {@code .yaml} or {@code .yml}).
 */
public enum Format {
  JSON,
  YAML
}
