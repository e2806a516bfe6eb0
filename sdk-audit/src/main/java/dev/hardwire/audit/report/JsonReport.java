package dev.hardwire.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardwire.audit.scan.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The JSON report; its shape is public (API.md) and doubles as the baseline file format. */
final class JsonReport {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonReport() {
  }

  static void write(List<Finding> findings, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("findings");
    for (Finding f : findings) {
      array.addObject()
          .put("file", f.file())
          .put("line", f.line())
          .put("column", f.column())
          .put("url", f.url())
          .put("rule", f.rule().id())
          .put("severity", f.severity().id())
          .put("message", f.message());
    }
    MAPPER.writeValue(out, root);
    out.write('\n');
  }
}
