package dev.hardwire.audit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FileScannerTest {
  private static List<Finding> scan(String name, String text) {
    return FileScanner.scan(name, Language.ofName(name).orElseThrow(), text, false);
  }

  private static List<String> urls(String name, String text) {
    return scan(name, text).stream().map(Finding::url).collect(Collectors.toList());
  }

  @Test
  void reportsHttpInStringsButNotInComments() {
    String java = "// see http://docs.acme.io\n"
        + "/* http://old.acme.io */ String u = \"http://api.acme.io/v1\"; // http://x.acme.io\n"
        + "/** @see http://javadoc.acme.io */\n";
    assertEquals(List.of("http://api.acme.io/v1"), urls("A.java", java));
  }

  @Test
  void findingHasFileLineColumnRuleSeverityAndMessage() {
    Finding finding = scan("conf/app.yaml", "a: 1\nurl: http://api.acme.io\n").get(0);
    assertEquals("conf/app.yaml", finding.file());
    assertEquals(2, finding.line());
    assertEquals(6, finding.column());
    assertEquals(Rule.CLEARTEXT_HTTP, finding.rule());
    assertEquals(Severity.HIGH, finding.severity());
    assertTrue(finding.message().contains("api.acme.io"));
  }

  @Test
  void ignoresXmlNamespacesSchemaLocationsAndDoctypes() {
    String xml = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"\n"
        + "  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
        + "<root xmlns=\"http://ns.acme.io/1\" xmlns:x=\"http://ns.acme.io/x\"\n"
        + "  xsi:schemaLocation=\"http://ns.acme.io/1 http://ns.acme.io/1/root.xsd\">\n"
        + "  <svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        + "  <endpoint>http://api.acme.io/soap</endpoint>\n"
        + "</root>\n";
    assertEquals(List.of("http://api.acme.io/soap"), urls("x.xml", xml));
  }

  @Test
  void ignoresIdentifierUrlsInCode() {
    String java = "f.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n"
        + "String ns = \"http://www.w3.org/2001/XMLSchema-instance\";\n"
        + "@XmlSchema(namespace = \"http://orders.acme.io/v1\")\n"
        + "String lic = \"http://www.apache.org/licenses/LICENSE-2.0\";\n";
    assertEquals(List.of(), urls("A.java", java));
  }

  @Test
  void ignoresJsonSchemaIdsAndProjectMetadata() {
    String json = "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"
        + "  \"$id\": \"http://schemas.acme.io/order.json\",\n"
        + "  \"homepage\": \"http://acme.github.io\",\n"
        + "  \"bugs\": {\n    \"url\": \"http://github.com/acme/x/issues\"\n  },\n"
        + "  \"api\": \"http://api.acme.io\"\n}\n";
    assertEquals(List.of("http://api.acme.io"), urls("package.json", json));
  }

  @Test
  void reportsLoopbackAsInfoAndSkipsExampleDomains() {
    String env = "A=http://localhost:8080\nB=http://127.0.0.1\nC=http://[::1]:9000/\n"
        + "D=http://0.0.0.0:80\nE=http://example.com\nF=http://api.example.org/x\n"
        + "G=http://svc.test\nH=http://foo.invalid\nI=http://app.localhost\n";
    List<Finding> findings = scan(".env", env);
    assertEquals(5, findings.size(), findings::toString);
    assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.INFO
        && f.rule() == Rule.LOOPBACK_HTTP));
  }

  @Test
  void masksUserinfoAndSecretQueryParameters() {
    Finding finding = scan("a.yaml",
        "url: http://admin:hunter2@db.acme.io/x?token=abc123&page=2&sig=zz\n").get(0);
    assertEquals("http://***@db.acme.io/x?token=***&page=2&sig=***", finding.url());
    assertEquals(Severity.CRITICAL, finding.severity());
    assertFalse(finding.message().contains("hunter2"));
    assertFalse(finding.message().contains("abc123"));
  }

  @Test
  void credentialNearbyMakesItCritical() {
    String java = "conn = open(\"http://api.acme.io/push\");\n"
        + "conn.setRequestProperty(\"Authorization\", \"Bearer \" + t);\n";
    assertEquals(Severity.CRITICAL, scan("A.java", java).get(0).severity());
    assertEquals(Severity.HIGH, scan("A.java", "open(\"http://api.acme.io\");\n").get(0)
        .severity());
  }

  @Test
  void gradesHostsByWhereTheyLive() {
    String yaml = "a: http://10.1.2.3/x\nb: http://backend:8080\nc: http://svc.cluster.local\n"
        + "d: http://169.254.169.254/latest\ne: http://${API_HOST}/v1\nf: ftp://files.acme.io/x\n"
        + "g: ftp://10.0.0.5/x\n";
    List<Severity> severities = scan("a.yaml", yaml).stream().map(Finding::severity)
        .collect(Collectors.toList());
    assertEquals(List.of(Severity.MEDIUM, Severity.MEDIUM, Severity.MEDIUM, Severity.LOW,
        Severity.MEDIUM, Severity.HIGH, Severity.HIGH), severities);
  }

  @Test
  void distinguishesSchemesFromTheirSecureTwins() {
    String js = "a = 'ws://feed.acme.io'; b = 'wss://feed.acme.io'; c = 'https://acme.io';\n"
        + "d = 'sftp://f.acme.io'; e = 'ftps://f.acme.io'; f = 'HTTP://API.ACME.IO';\n";
    List<Finding> findings = scan("a.js", js);
    assertEquals(List.of(Rule.CLEARTEXT_WS, Rule.CLEARTEXT_HTTP),
        findings.stream().map(Finding::rule).collect(Collectors.toList()));
  }

  @Test
  void readsEscapedColonsInProperties() {
    Finding finding = scan("a.properties", "# http://docs.acme.io\nurl=http\\://api.acme.io/x\n")
        .get(0);
    assertEquals("http://api.acme.io/x", finding.url());
    assertEquals(2, finding.line());
  }

  @Test
  void reportsPort80InEndpointSettingsOnly() {
    String env = "API_HOST=api.acme.io:80\nIMAGE=nginx:80\nDB_HOST=db.acme.io:5432\n"
        + "BACKEND=10.0.0.7:80\n";
    List<Finding> findings = scan(".env", env);
    assertEquals(List.of("api.acme.io:80", "10.0.0.7:80"),
        findings.stream().map(Finding::url).collect(Collectors.toList()));
    assertTrue(findings.stream().allMatch(f -> f.rule() == Rule.CLEARTEXT_HOST_PORT_80));
  }

  @Test
  void skipsSentencesThatMentionAUrl() {
    String java = "throw new IllegalStateException(\"See http://status.acme.io for the outage\");\n"
        + "log(\"http://api.acme.io/v1\");\n";
    assertEquals(List.of("http://api.acme.io/v1"), urls("A.java", java));
    assertEquals(List.of("http://get.acme.io"),
        urls("run.sh", "echo \"Read the docs at http://docs.acme.io today\"\n"
            + "curl -fsSL http://get.acme.io | sh\n"));
  }

  @Test
  void cleartextModeUpgradeInCodeCoversThatFile() {
    String java = "policy.cleartextMode(CleartextMode.UPGRADE);\n"
        + "String u = \"http://api.acme.io\";\n"
        + "String f = \"ftp://files.acme.io\";\n";
    assertEquals(List.of("ftp://files.acme.io"), urls("A.java", java));
    String commented = "// CleartextMode.UPGRADE\nString u = \"http://api.acme.io\";\n";
    assertEquals(List.of("http://api.acme.io"), urls("A.java", commented));
  }

  @Test
  void pythonDocstringsAreDocumentation() {
    String py = "def f():\n    \"\"\"Calls http://docs.acme.io.\"\"\"\n"
        + "    return get(f\"http://{host}/x\")\n";
    assertEquals(List.of("http://{host}/x"), urls("a.py", py));
  }

  @Test
  void markSafeUpgradesAsFixable() {
    String yaml = "a: http://api.acme.io\nb: http://api.acme.io:8080\nc: http://backend\n"
        + "d: http://localhost\ne: http://api.acme.io:80/x\n";
    List<Boolean> fixable = scan("a.yaml", yaml).stream().map(Finding::fixable)
        .collect(Collectors.toList());
    assertEquals(List.of(true, false, false, false, true), fixable);
  }
}
