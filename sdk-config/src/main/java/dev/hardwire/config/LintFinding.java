package dev.hardwire.config;

import java.util.Locale;

/**
 * One thing {@link PolicyLint} reports about a policy file: an error that makes the file unusable,
 * or a weak choice the file is allowed to make but that should not stay by accident.
 */
public final class LintFinding {
  /** How much a finding matters. */
  public enum Severity {
    /** The file does not load; see {@link PolicyFileException}. */
    ERROR,
    /** Legal, but weakens the policy or will break soon: decide on purpose. */
    WARNING,
    /** Legal and common, worth knowing. */
    NOTE
  }

  private final Severity severity;
  private final String rule;
  private final String file;
  private final int line;
  private final int column;
  private final String message;

  public LintFinding(Severity severity, String rule, String file, int line, int column, String message) {
    if (severity == null || rule == null || file == null || message == null) {
      throw new NullPointerException("severity, rule, file or message == null");
    }
    this.severity = severity;
    this.rule = rule;
    this.file = file;
    this.line = line;
    this.column = column;
    this.message = message;
  }

  public Severity severity() {
    return severity;
  }

  /** A stable identifier, such as {@code tls-1.2-allowed} or {@code invalid}. */
  public String rule() {
    return rule;
  }

  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the finding concerns the whole file. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when the finding concerns the whole file. */
  public int column() {
    return column;
  }

  public String message() {
    return message;
  }

  /** {@code file:line:column: warning [rule] message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + severity.name().toLowerCase(Locale.ROOT)
        + " [" + rule + "] " + message;
  }
}
