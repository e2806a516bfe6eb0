package dev.hardwire.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path root;
  private StringWriter out;
  private ByteArrayOutputStream err;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(root.resolve("conf"));
    Files.writeString(root.resolve("conf/app.yaml"),
        "api: http://api.acme.io/v1\nlocal: http://localhost:8080\n");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new ByteArrayOutputStream();
    List<String> list = new ArrayList<>(List.of(args));
    return Main.run(list, out, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonReportHasThePublicShapeWithPathsRelativeToTheScannedPath() throws IOException {
    assertEquals(1, run("audit", "--format", "json", root.toString()));
    JsonNode findings = new ObjectMapper().readTree(out.toString()).get("findings");
    assertEquals(2, findings.size());
    JsonNode first = findings.get(0);
    assertEquals("conf/app.yaml", first.get("file").asText());
    assertEquals(1, first.get("line").asInt());
    assertEquals(6, first.get("column").asInt());
    assertEquals("http://api.acme.io/v1", first.get("url").asText());
    assertEquals("cleartext-http", first.get("rule").asText());
    assertEquals("high", first.get("severity").asText());
    assertTrue(first.has("message"));
    assertEquals("info", findings.get(1).get("severity").asText());
    assertEquals("loopback-http", findings.get(1).get("rule").asText());
  }

  @Test
  void exitCodeFollowsFailOn() {
    assertEquals(1, run("audit", "--fail-on", "high", root.toString()));
    assertEquals(0, run("audit", "--fail-on=critical", root.toString()));
    assertTrue(out.toString().contains("2 findings: 1 info, 1 high"), out.toString());
  }

  @Test
  void infoNeverFailsByDefault() throws IOException {
    Files.writeString(root.resolve("conf/app.yaml"), "local: http://localhost:8080\n");
    assertEquals(0, run("audit", root.toString()));
    assertEquals(1, run("audit", "--fail-on", "info", root.toString()));
  }

  @Test
  void baselineAcceptsKnownFindingsAndIsNotScannedItself() throws IOException {
    run("audit", "--format", "json", root.toString());
    Path baseline = root.resolve("baseline.json");
    Files.writeString(baseline, out.toString());
    assertEquals(0, run("audit", "--baseline", baseline.toString(), root.toString()));
    assertTrue(out.toString().startsWith("0 findings"), out.toString());
    Files.writeString(root.resolve("conf/new.yaml"), "feed: http://feed.acme.io\n");
    assertEquals(1, run("audit", "--baseline", baseline.toString(), root.toString()));
    assertTrue(out.toString().contains("conf/new.yaml:1:7"), out.toString());
  }

  @Test
  void fixRewritesAndReportsWhatRemains() throws IOException {
    assertEquals(0, run("audit", "--fix", "--format", "json", root.toString()));
    assertEquals("api: https://api.acme.io/v1\nlocal: http://localhost:8080\n",
        Files.readString(root.resolve("conf/app.yaml")));
    assertTrue(err().contains("rewrote 1 URL(s) in 1 file(s)"), err());
  }

  @Test
  void dryRunPrintsTheDiffAndChangesNothing() throws IOException {
    assertEquals(1, run("audit", "--fix", "--dry-run", root.toString()));
    assertTrue(out.toString().contains("+api: https://api.acme.io/v1"), out.toString());
    assertTrue(Files.readString(root.resolve("conf/app.yaml")).startsWith("api: http://"));
  }

  @Test
  void badInputIsAUsageErrorThatNamesTheFix() {
    assertEquals(2, run("audit", "--format", "xml", root.toString()));
    assertTrue(err().contains("unknown format 'xml': use text, json or sarif"), err());
    assertEquals(2, run("audit", "--fail-on", "urgent", root.toString()));
    assertTrue(err().contains("use one of info, low, medium, high, critical"), err());
    assertEquals(2, run("audit", "--dry-run", root.toString()));
    assertTrue(err().contains("use --fix --dry-run"), err());
    assertEquals(2, run("audit"));
    assertTrue(err().contains("no PATH given"), err());
    assertEquals(2, run("audit", root.resolve("missing").toString()));
    assertTrue(err().contains("no such file or folder"), err());
    assertEquals(2, run("audit", "--verbose", root.toString()));
    assertTrue(err().contains("unknown option --verbose for audit; known options:"), err());
    assertEquals(2, run("audit", "--baseline", root.resolve("none.json").toString(),
        root.toString()));
    assertTrue(err().contains("create one with: audit --format json"), err());
    assertEquals(2, run("scan", "."));
    assertTrue(err().contains("unknown command 'scan': use audit or check"), err());
    assertEquals(2, run("check", "--format", "sarif", "https://a.io"));
    assertTrue(err().contains("check prints text or json"), err());
    assertEquals(2, run("check", "--http-port", "x", "https://a.io"));
    assertTrue(err().contains("--http-port takes a number from 1 to 65535, not 'x'"), err());
  }

  @Test
  void neverPrintsACredential() throws IOException {
    Files.writeString(root.resolve("conf/app.yaml"),
        "db: http://admin:hunter2@db.acme.io/?password=pw123\n");
    for (String format : List.of("text", "json", "sarif")) {
      run("audit", "--format", format, root.toString());
      assertFalse(out.toString().contains("hunter2") || out.toString().contains("pw123"),
          out.toString());
    }
  }
}
