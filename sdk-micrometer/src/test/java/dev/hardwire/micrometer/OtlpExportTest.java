package dev.hardwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The README's OpenTelemetry configuration, run against a stand-in collector on loopback: the
 * meters arrive as an OTLP/HTTP export.
 */
class OtlpExportTest {
  @Test
  void otlpRegistryExportsTheMetersToACollector() throws Exception {
    try (MockWebServer collector = new MockWebServer()) {
      collector.enqueue(new MockResponse.Builder().code(200).build());
      collector.start();
      String url = collector.url("/v1/metrics").toString();
      OtlpConfig config = key -> {
        switch (key) {
          case "otlp.url": return url;
          case "otlp.resourceAttributes": return "service.name=checkout";
          default: return null;
        }
      };
      OtlpMeterRegistry registry = new OtlpMeterRegistry(config, Clock.SYSTEM);
      SecurityPolicy base = SecurityPolicy.strict();
      HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
      metrics.bindTo(registry);
      CoreDecisions.of(base.newBuilder().eventListener(metrics).build()).scriptedMix();
      registry.close(); // publishes once more on close

      RecordedRequest export = collector.takeRequest(10, TimeUnit.SECONDS);
      assertNotNull(export, "no OTLP export arrived");
      assertEquals("/v1/metrics", export.getUrl().encodedPath());
      assertEquals("application/x-protobuf", export.getHeaders().get("Content-Type"));
      // Protobuf carries strings as UTF-8 bytes: the names and tags are readable in the payload.
      String payload = export.getBody().string(java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String text : new String[] {"hardwire.requests", "refused-cleartext", "hardwire.posture.cleartext.share",
          "service.name", "checkout"}) {
        assertTrue(payload.contains(text), text);
      }
      assertFalse(payload.contains("canary"));
    }
  }
}
