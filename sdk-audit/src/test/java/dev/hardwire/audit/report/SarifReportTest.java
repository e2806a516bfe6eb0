package dev.hardwire.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.Rule;
import dev.hardwire.audit.scan.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Finding> findings = List.of(
      new Finding("src/Main.java", 3, 20, "http://api.acme.io/x", Rule.CLEARTEXT_HTTP,
          Severity.HIGH, "http:// to public host api.acme.io; use https://", true),
      new Finding("conf/app env.yaml", 1, 5, "http://***@db.acme.io", Rule.CLEARTEXT_HTTP,
          Severity.CRITICAL, "http:// with userinfo in the URL", false),
      new Finding("test/it.js", 9, 1, "ws://localhost:3000", Rule.LOOPBACK_HTTP, Severity.INFO,
          "ws:// to loopback host localhost", false));

  private JsonNode sarif(List<Finding> list) throws IOException {
    StringWriter out = new StringWriter();
    Format.SARIF.write(list, out);
    return MAPPER.readTree(out.toString());
  }

  private JsonSchemaValidator officialSchema() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return new JsonSchemaValidator(MAPPER.readTree(in));
    }
  }

  @Test
  void reportValidatesAgainstTheOfficialSarif210Schema() throws IOException {
    JsonSchemaValidator validator = officialSchema();
    assertEquals(List.of(), validator.validate(sarif(findings)));
    assertEquals(List.of(), validator.validate(sarif(List.of())));
  }

  @Test
  void validatorRejectsWhatTheSchemaForbids() throws IOException {
    JsonSchemaValidator validator = officialSchema();
    JsonNode broken = sarif(findings).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("version", "2.0.0");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results")
        .get(0)).putObject("locations");
    assertFalse(validator.validate(broken).isEmpty());
  }

  @Test
  void resultsCarryRuleLocationLevelAndFingerprintForCodeScanning() throws IOException {
    JsonNode run = sarif(findings).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertEquals(Rule.values().length, rules.size());
    assertTrue(rules.get(0).get("properties").has("security-severity"));
    JsonNode result = run.get("results").get(1);
    assertEquals("cleartext-http", result.get("ruleId").asText());
    assertEquals("error", result.get("level").asText());
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertEquals("conf/app%20env.yaml", location.get("artifactLocation").get("uri").asText());
    assertEquals(1, location.get("region").get("startLine").asInt());
    assertEquals(5, location.get("region").get("startColumn").asInt());
    assertTrue(result.get("partialFingerprints").has(SarifReport.FINGERPRINT_KEY));
    assertEquals("note", run.get("results").get(2).get("level").asText());
  }
}
