package dev.hardwire.audit.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.audit.report.Format;
import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.Rule;
import dev.hardwire.audit.scan.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path dir;

  private static Finding finding(String file, int line, String url) {
    return new Finding(file, line, 5, url, Rule.CLEARTEXT_HTTP, Severity.HIGH, "m", false);
  }

  private Path baselineOf(List<Finding> findings) throws IOException {
    StringWriter json = new StringWriter();
    Format.JSON.write(findings, json);
    Path file = dir.resolve("baseline.json");
    Files.writeString(file, json.toString());
    return file;
  }

  @Test
  void acceptsKnownFindingsEvenAfterTheyMoveAndReportsNewOnes() throws IOException {
    Baseline baseline = Baseline.load(baselineOf(List.of(finding("a.yaml", 3, "http://x.io"))));
    List<Finding> now = List.of(finding("a.yaml", 10, "http://x.io"),
        finding("a.yaml", 12, "http://x.io"), finding("b.yaml", 1, "http://y.io"));
    assertEquals(List.of(now.get(1), now.get(2)), baseline.newFindings(now));
  }

  @Test
  void fingerprintsNeverDependOnLinesAndDifferPerOccurrence() {
    List<String> a = Fingerprints.of(List.of(finding("a", 1, "u"), finding("a", 2, "u")));
    List<String> b = Fingerprints.of(List.of(finding("a", 7, "u"), finding("a", 9, "u")));
    assertEquals(a, b);
    assertTrue(!a.get(0).equals(a.get(1)));
  }

  @Test
  void aFileThatIsNotAReportIsRefusedWithHowToMakeOne() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"results\": []}");
    IOException e = assertThrows(IOException.class, () -> Baseline.load(file));
    assertTrue(e.getMessage().contains("audit --format json"), e.getMessage());
  }
}
