package dev.hardwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.micrometer.internal.HardwireMeter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the demo's Prometheus scrape shows, line for line. */
class PrometheusScrapeTest {
  @Test
  void scrapeTextShowsTheDocumentedMeters() {
    SecurityPolicy base = SecurityPolicy.builder()
        .pin("api.example.com", HardwireMetricsTest.PIN, HardwireMetricsTest.BACKUP)
        .credential(Credential.bearer("api.example.com", "canary-token"))
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.bindTo(registry);
    CoreDecisions core = CoreDecisions.of(base.newBuilder().eventListener(metrics).build());
    core.scriptedMix();
    core.redirect("https://api.example.com/a", "http://api.example.com/b", 0);
    metrics.onEvent(SecurityEvent.builder(SecurityEvent.Kind.TLS_NEGOTIATED, Instant.EPOCH)
        .tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "JDK").handshakeDuration(Duration.ofMillis(12)).build());
    metrics.onEvent(SecurityEvent.builder(SecurityEvent.Kind.PIN_FAILURE, Instant.EPOCH)
        .host("api.example.com").hostPattern("api.example.com").build());

    String scrape = registry.scrape();
    String[] expected = {
        "hardwire_requests_total{outcome=\"allowed\"} 5",
        "hardwire_requests_total{outcome=\"refused-cleartext\"} 3",
        "hardwire_requests_total{outcome=\"refused-url\"} 1",
        "hardwire_requests_total{outcome=\"upgraded\"} 0",
        "hardwire_redirects_refused_total{reason=\"DOWNGRADE\"} 1",
        "hardwire_tls_connections_total{connection=\"new\",provider=\"JDK\",suite=\"TLS_AES_128_GCM_SHA256\","
            + "version=\"TLSv1.3\"} 1",
        "hardwire_tls_handshake_duration_seconds_count{provider=\"JDK\",version=\"TLSv1.3\"} 1",
        "hardwire_tls_handshake_duration_seconds_sum{provider=\"JDK\",version=\"TLSv1.3\"} 0.012",
        "hardwire_pin_failures_total{host_pattern=\"api.example.com\",mode=\"enforced\"} 1",
        "hardwire_posture_cleartext_share 0.3333333333333333",
        "hardwire_posture_tls_share{version=\"TLSv1.3\"} 1",
    };
    for (String line : expected) assertTrue(scrape.contains(line + "\n") || scrape.contains(line + ".0\n"), line);
    assertFalse(scrape.contains("canary"), "no secret in the scrape");
  }

  @Test
  void readmeMeterTableListsExactlyTheScrapedMeters() throws Exception {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.bindTo(registry);
    for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) {
      metrics.onEvent(SecurityEvent.builder(kind, Instant.EPOCH).handshakeDuration(Duration.ofMillis(1)).build());
    }
    Set<String> scraped = new TreeSet<>();
    Matcher type = Pattern.compile("(?m)^# TYPE (hardwire_\\w+?)(_max)? ").matcher(registry.scrape());
    while (type.find()) scraped.add(type.group(1));

    String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `hardwire\\.[\\w.]+` \\(`(hardwire_\\w+)`\\)").matcher(readme);
    while (row.find()) documented.add(row.group(1));

    assertEquals(HardwireMeter.values().length, documented.size(), "one README row per meter: " + documented);
    assertEquals(documented, scraped);
  }
}
