package dev.hardwire.audit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardwire.audit.baseline.Fingerprints;
import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.Rule;
import dev.hardwire.audit.scan.Severity;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with a {@code security-severity}, results
 * with a relative location under {@code %SRCROOT%} and a partial fingerprint that survives
 * line moves (see {@link Fingerprints}).
 */
final class SarifReport {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT_KEY = "hardwireFinding/v1";
  private static final String TOOL_VERSION = "0.1.0";

  private SarifReport() {
  }

  static void write(List<Finding> findings, Writer out) throws IOException {
    ObjectNode log = JsonReport.MAPPER.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "hardwire-audit");
    driver.put("semanticVersion", TOOL_VERSION);
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      writeRule(rule, rules.addObject());
    }
    run.put("columnKind", "utf16CodeUnits");
    run.putObject("originalUriBaseIds").putObject("%SRCROOT%")
        .putObject("description").put("text", "The scanned folder.");
    ArrayNode results = run.putArray("results");
    List<String> fingerprints = Fingerprints.of(findings);
    for (int i = 0; i < findings.size(); i++) {
      writeResult(findings.get(i), fingerprints.get(i), results.addObject());
    }
    JsonReport.MAPPER.writeValue(out, log);
    out.write('\n');
  }

  private static void writeRule(Rule rule, ObjectNode node) {
    node.put("id", rule.id());
    node.put("name", pascalCase(rule.id()));
    node.putObject("shortDescription").put("text", rule.title());
    node.putObject("fullDescription").put("text", rule.help());
    node.putObject("help").put("text", rule.help());
    boolean loopback = rule == Rule.LOOPBACK_HTTP;
    node.putObject("defaultConfiguration").put("level", loopback ? "note" : "error");
    ObjectNode properties = node.putObject("properties");
    properties.putArray("tags").add("security").add("external/cwe/cwe-319");
    properties.put("precision", "high");
    properties.put("security-severity", securitySeverity(rule));
  }

  /** GitHub's scale: 9+ critical, 7+ high, 4+ medium, above 0 low. */
  private static String securitySeverity(Rule rule) {
    switch (rule) {
      case LOOPBACK_HTTP:
        return "0.0";
      case CLEARTEXT_HOST_PORT_80:
        return "5.3";
      default:
        return "7.5";
    }
  }

  private static void writeResult(Finding finding, String fingerprint, ObjectNode node) {
    node.put("ruleId", finding.rule().id());
    node.put("ruleIndex", finding.rule().ordinal());
    node.put("level", level(finding.severity()));
    node.putObject("message").put("text", finding.message() + ": " + finding.url());
    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation")
        .put("uri", uri(finding.file()))
        .put("uriBaseId", "%SRCROOT%");
    physical.putObject("region")
        .put("startLine", finding.line())
        .put("startColumn", finding.column());
    node.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint);
    node.putObject("properties").put("severity", finding.severity().id());
  }

  private static String level(Severity severity) {
    switch (severity) {
      case CRITICAL:
      case HIGH:
        return "error";
      case MEDIUM:
      case LOW:
        return "warning";
      default:
        return "note";
    }
  }

  /** A relative path as a URI reference: spaces and other reserved characters escaped. */
  private static String uri(String file) {
    try {
      return new URI(null, null, file, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a relative path: " + file, e);
    }
  }

  private static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}
