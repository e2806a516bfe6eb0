package dev.hardwire.audit.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Prints check results as text or as {@code {"endpoints": [...]}} JSON. */
public final class CheckReport {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private CheckReport() {
  }

  public static void writeText(List<CheckResult> results, Writer out) throws IOException {
    for (CheckResult r : results) {
      out.write(r.target() + "\n");
      for (Map.Entry<String, String> version : r.versions().entrySet()) {
        out.write("  " + version.getKey() + ": " + version.getValue() + "\n");
      }
      out.write("  negotiated: " + (r.negotiated() == null ? "none" : r.negotiated()) + "\n");
      out.write("  chain: " + (r.chainProblem() == null ? r.negotiated() == null ? "not seen"
          : "trusted" : "not trusted (" + r.chainProblem() + ")") + "\n");
      if (r.daysUntilExpiry() != null) {
        out.write("  expires in: " + r.daysUntilExpiry() + " days\n");
      }
      out.write("  hsts: " + (r.hsts() == null ? "none" : r.hsts()) + "\n");
      out.write("  http://: " + r.cleartext() + "\n");
      for (Problem problem : r.problems()) {
        out.write("  " + (problem.finding() ? "FINDING: " : "warning: ") + problem.text() + "\n");
      }
    }
    out.flush();
  }

  public static void writeJson(List<CheckResult> results, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    var endpoints = root.putArray("endpoints");
    for (CheckResult r : results) {
      ObjectNode node = endpoints.addObject();
      node.put("url", r.target());
      ObjectNode tls = node.putObject("tls");
      r.versions().forEach(tls::put);
      node.put("negotiated", r.negotiated());
      node.put("chainTrusted", r.negotiated() != null && r.chainProblem() == null);
      node.put("chainProblem", r.chainProblem());
      if (r.daysUntilExpiry() == null) {
        node.putNull("daysUntilExpiry");
      } else {
        node.put("daysUntilExpiry", r.daysUntilExpiry());
      }
      node.put("hsts", r.hsts());
      node.put("http", r.cleartext());
      var problems = node.putArray("problems");
      for (Problem problem : r.problems()) {
        problems.addObject().put("severity", problem.finding() ? "finding" : "warning")
            .put("message", problem.text());
      }
    }
    MAPPER.writeValue(out, root);
    out.write('\n');
    out.flush();
  }
}
