package dev.hardwire.audit.report;

import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code file:line:column: severity [rule] url: message}, then a count per severity. */
final class TextReport {
  private TextReport() {
  }

  static void write(List<Finding> findings, Writer out) throws IOException {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : findings) {
      out.write(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().id() + " ["
          + f.rule().id() + "] " + f.url() + ": " + f.message() + "\n");
      counts.merge(f.severity(), 1, Integer::sum);
    }
    StringBuilder summary = new StringBuilder();
    summary.append(findings.size()).append(findings.size() == 1 ? " finding" : " findings");
    String separator = ": ";
    for (Severity severity : Severity.values()) {
      Integer count = counts.get(severity);
      if (count != null) {
        summary.append(separator).append(count).append(' ').append(severity.id());
        separator = ", ";
      }
    }
    out.write(summary.append('\n').toString());
  }
}
