package dev.hardwire.audit.report;

import dev.hardwire.audit.scan.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The report formats of {@code audit --format}. */
public enum Format {
  /** One line per finding, for people: {@code file:line:column severity rule url message}. */
  TEXT,
  /** {@code {"findings": [{"file", "line", "column", "url", "rule", "severity", "message"}]}}. */
  JSON,
  /** SARIF 2.1.0, as GitHub code scanning uploads it. */
  SARIF;

  /** Writes {@code findings} (sorted by location) to {@code out}. */
  public void write(List<Finding> findings, Writer out) throws IOException {
    switch (this) {
      case TEXT:
        TextReport.write(findings, out);
        break;
      case JSON:
        JsonReport.write(findings, out);
        break;
      default:
        SarifReport.write(findings, out);
        break;
    }
    out.flush();
  }

  /**
   * Parses a format as typed on the command line.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Format parse(String value) {
    for (Format format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + value + "': use text, json or sarif");
  }
}
