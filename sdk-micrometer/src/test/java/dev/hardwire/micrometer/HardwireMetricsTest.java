package dev.hardwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HardwireMetricsTest {
  static final String PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  static final String BACKUP = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static SecurityEvent.Builder event(SecurityEvent.Kind kind) {
    return SecurityEvent.builder(kind, Instant.EPOCH);
  }

  static double count(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  private double count(String name, String... tags) {
    return count(registry, name, tags);
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void countsRequestsByOutcomeFromRealUrlGuardDecisions() {
    SecurityPolicy refuse = SecurityPolicy.builder()
        .credential(Credential.bearer("api.example.com", "canary-token"))
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(refuse);
    metrics.bindTo(registry);
    CoreDecisions.of(refuse.newBuilder().eventListener(metrics).build()).scriptedMix();
    // One listener may serve several policies; this one upgrades.
    CoreDecisions upgrading = CoreDecisions.of(refuse.newBuilder()
        .cleartextMode(CleartextMode.UPGRADE).eventListener(metrics).build());
    assertTrue(upgrading.request("http://api.example.com/v1/items"));

    assertEquals(5, count("hardwire.requests", "outcome", "allowed"));
    assertEquals(3, count("hardwire.requests", "outcome", "refused-cleartext"));
    assertEquals(1, count("hardwire.requests", "outcome", "refused-url"));
    assertEquals(1, count("hardwire.requests", "outcome", "upgraded"));
    assertEquals(0.4, gauge("hardwire.posture.cleartext.share"), 1e-9);
    assertEquals(0.4, metrics.cleartextShare(), 1e-9);
  }

  @Test
  void startsWithZeroedRequestSeriesAndShares() {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns();
    metrics.bindTo(registry);
    for (String outcome : new String[] {"allowed", "upgraded", "refused-cleartext", "refused-url"}) {
      assertEquals(0, count("hardwire.requests", "outcome", outcome));
    }
    assertEquals(0, count("hardwire.redirects.refused", "reason", "DOWNGRADE"));
    assertEquals(0, gauge("hardwire.posture.cleartext.share"));
    assertEquals(0, gauge("hardwire.posture.tls.share", "version", "TLSv1.3"));
  }

  @Test
  void countsTlsConnectionsByVersionSuiteProviderAndReuse() {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns();
    metrics.bindTo(registry);
    for (int i = 0; i < 2; i++) {
      metrics.onEvent(event(SecurityEvent.Kind.TLS_NEGOTIATED).host("h" + i + ".example.net")
          .tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "JDK").handshakeDuration(Duration.ofMillis(20)).build());
    }
    metrics.onEvent(event(SecurityEvent.Kind.TLS_NEGOTIATED)
        .tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "JDK").connectionReused(true).build());
    metrics.onEvent(event(SecurityEvent.Kind.TLS_NEGOTIATED)
        .tls("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "CONSCRYPT").handshakeDuration(Duration.ofMillis(40))
        .build());

    assertEquals(2, count("hardwire.tls.connections", "version", "TLSv1.3", "suite", "TLS_AES_128_GCM_SHA256",
        "provider", "JDK", "connection", "new"));
    assertEquals(1, count("hardwire.tls.connections", "version", "TLSv1.3", "connection", "reused"));
    assertEquals(1, count("hardwire.tls.connections", "version", "TLSv1.2",
        "suite", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "provider", "CONSCRYPT", "connection", "new"));
    assertEquals(2, registry.get("hardwire.tls.handshake.duration").tags("version", "TLSv1.3", "provider", "JDK")
        .timer().count(), "reused connections have no handshake");
    assertEquals(40, registry.get("hardwire.tls.handshake.duration").tags("version", "TLSv1.3").timer()
        .totalTime(TimeUnit.MILLISECONDS), 1e-6);
    assertEquals(1, registry.get("hardwire.tls.handshake.duration").tags("version", "TLSv1.2", "provider", "CONSCRYPT")
        .timer().count());
    assertEquals(0.75, gauge("hardwire.posture.tls.share", "version", "TLSv1.3"), 1e-9);
    assertEquals(0.25, gauge("hardwire.posture.tls.share", "version", "TLSv1.2"), 1e-9);
    assertEquals(0, gauge("hardwire.posture.tls.share", "version", "other"));
  }

  @Test
  void countsCertificateRejectionsAndHandshakeFailuresByReasonAndHostPattern() {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns("api.example.com", "*.cdn.example.com");
    metrics.bindTo(registry);
    metrics.onEvent(event(SecurityEvent.Kind.CERTIFICATE_REJECTED).host("api.example.com").reason("EXPIRED").build());
    metrics.onEvent(event(SecurityEvent.Kind.CERTIFICATE_REJECTED).host("img.cdn.example.com").reason("EXPIRED")
        .build());
    metrics.onEvent(event(SecurityEvent.Kind.CERTIFICATE_REJECTED).host("img.cdn.example.com").reason("EXPIRED")
        .build());
    metrics.onEvent(event(SecurityEvent.Kind.CERTIFICATE_REJECTED).host("intranet.example.org")
        .reason("HOSTNAME_MISMATCH").build());
    metrics.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED).host("api.example.com").reason("PROTOCOL_VERSION")
        .build());

    assertEquals(1, count("hardwire.certificates.rejected", "reason", "EXPIRED", "host.pattern", "api.example.com"));
    assertEquals(2, count("hardwire.certificates.rejected", "reason", "EXPIRED", "host.pattern", "*.cdn.example.com"));
    assertEquals(1, count("hardwire.certificates.rejected", "reason", "HOSTNAME_MISMATCH", "host.pattern", "other"));
    assertEquals(1, count("hardwire.tls.handshake.failures", "reason", "PROTOCOL_VERSION",
        "host.pattern", "api.example.com"));
  }

  @Test
  void countsPinFailuresByHostPatternAndMode() {
    SecurityPolicy base = SecurityPolicy.builder()
        .pin("api.example.com", PIN, BACKUP)
        .pinReportOnly("*.cdn.example.com", PIN)
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    metrics.bindTo(registry);
    // Building emits PIN_WITHOUT_BACKUP for the single report-only pin, now to this listener.
    base.newBuilder().eventListener(metrics).build();
    metrics.onEvent(event(SecurityEvent.Kind.PIN_FAILURE).host("api.example.com").hostPattern("api.example.com")
        .build());
    metrics.onEvent(event(SecurityEvent.Kind.PIN_FAILURE).host("img.cdn.example.com")
        .hostPattern("*.cdn.example.com").reportOnly(true).build());
    metrics.onEvent(event(SecurityEvent.Kind.PINS_EXPIRED).hostPattern("api.example.com").build());

    assertEquals(1, count("hardwire.pin.failures", "host.pattern", "api.example.com", "mode", "enforced"));
    assertEquals(1, count("hardwire.pin.failures", "host.pattern", "*.cdn.example.com", "mode", "report-only"));
    assertEquals(1, count("hardwire.pin.without.backup", "host.pattern", "*.cdn.example.com", "mode", "report-only"));
    assertEquals(1, count("hardwire.pin.expired", "host.pattern", "api.example.com"));
  }

  @Test
  void countsWithheldCredentialsFromRealCredentialScope() {
    SecurityPolicy base = SecurityPolicy.builder()
        .credential(Credential.header("*.example.com", "X-Api-Key", "canary-key").onlyForMethods("GET"))
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    metrics.bindTo(registry);
    CoreDecisions core = CoreDecisions.of(base.newBuilder().eventListener(metrics).build());

    assertEquals(1, core.credentials.forHop(URI.create("https://api.example.com/x"), "GET", null).size());
    assertEquals(0, core.credentials.forHop(URI.create("https://api.example.com/x"), "DELETE", null).size());
    assertEquals(0, core.credentials.forHop(URI.create("https://evil.example.net/x"), "GET",
        URI.create("https://api.example.com/x")).size());

    assertEquals(1, count("hardwire.credentials.withheld", "host.pattern", "*.example.com", "reason", "OUT_OF_SCOPE"));
    assertEquals(1, count("hardwire.credentials.withheld", "host.pattern", "*.example.com",
        "reason", "CROSS_HOST_REDIRECT"));
  }

  @Test
  void countsRefusedAndCrossOriginRedirectsFromRealRedirectRules() {
    SecurityPolicy base = SecurityPolicy.builder().maxRedirects(2).build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    metrics.bindTo(registry);
    CoreDecisions core = CoreDecisions.of(base.newBuilder().eventListener(metrics).build());

    assertFalse(core.redirect("https://api.example.com/a", "http://api.example.com/b", 0));
    assertFalse(core.redirect("https://api.example.com/a", "http://api.example.com/c", 0));
    assertFalse(core.redirect("https://api.example.com/a", "https://api.example.com/b", 2));
    assertTrue(core.redirect("https://api.example.com/a", "https://www.example.com/b", 0));
    assertTrue(core.redirect("https://api.example.com/a", "/same-origin", 0));

    assertEquals(2, count("hardwire.redirects.refused", "reason", "DOWNGRADE"));
    assertEquals(1, count("hardwire.redirects.refused", "reason", "TOO_MANY"));
    assertEquals(1, count("hardwire.redirects.cross.origin"));
  }

  @Test
  void tagsEveryReasonCoreEmitsWithItsOwnValue() {
    SecurityPolicy base = SecurityPolicy.builder()
        .maxRedirects(1)
        .credential(Credential.bearer("api.example.com", "canary-token").onlyUnderPath("/v1/"))
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    metrics.bindTo(registry);
    CoreDecisions core = CoreDecisions.of(base.newBuilder().eventListener(metrics).build());
    core.redirect("https://api.example.com/a", "http://api.example.com/b", 0);            // DOWNGRADE
    core.redirect("https://api.example.com/a", "https://u:p@api.example.com/b", 0);       // INVALID_TARGET
    core.redirect("https://api.example.com/a", "https://api.example.com/%zz", 0);         // MALFORMED
    core.redirect("https://api.example.com/a", "https://api.example.com/b", 1);           // TOO_MANY
    core.credentials.forHop(URI.create("https://api.example.com/v2/"), "GET", null);      // OUT_OF_SCOPE
    core.credentials.forHop(URI.create("https://other.example.com/"), "GET",
        URI.create("https://api.example.com/v1/"));                                       // CROSS_HOST_REDIRECT

    Set<String> reasons = new TreeSet<>();
    for (Meter meter : registry.getMeters()) {
      String reason = meter.getId().getTag("reason");
      if (reason != null && count(meter) > 0) reasons.add(reason);
    }
    assertEquals(new TreeSet<>(java.util.Arrays.asList("CROSS_HOST_REDIRECT", "DOWNGRADE", "INVALID_TARGET",
        "MALFORMED", "OUT_OF_SCOPE", "TOO_MANY")), reasons);
  }

  @Test
  void replacesUnknownVersionsSuitesProvidersAndReasonsWithOther() {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns("api.example.com");
    metrics.bindTo(registry);
    metrics.onEvent(event(SecurityEvent.Kind.TLS_NEGOTIATED).tls("TLSv1.1", "TLS_RSA_WITH_RC4_128_SHA", "SunJSSE")
        .handshakeDuration(Duration.ofMillis(5)).build());
    metrics.onEvent(event(SecurityEvent.Kind.TLS_NEGOTIATED).build());
    metrics.onEvent(event(SecurityEvent.Kind.CERTIFICATE_REJECTED).host("api.example.com").reason("NEW_RULE_42")
        .build());
    metrics.onEvent(event(SecurityEvent.Kind.REDIRECT_REFUSED).build());

    assertEquals(2, count("hardwire.tls.connections", "version", "other", "suite", "other", "provider", "other",
        "connection", "new"));
    assertEquals(1, registry.get("hardwire.tls.handshake.duration").tags("version", "other", "provider", "other")
        .timer().count());
    assertEquals(1, count("hardwire.certificates.rejected", "reason", "other", "host.pattern", "api.example.com"));
    assertEquals(1, count("hardwire.redirects.refused", "reason", "other"));
    assertEquals(1, gauge("hardwire.posture.tls.share", "version", "other"));
  }

  @Test
  void keepsTagCardinalityBoundedUnderTenThousandHosts() {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns("api.example.com", "*.cdn.example.com");
    metrics.bindTo(registry);
    int baseline = registry.getMeters().size();
    for (int i = 0; i < 10_000; i++) {
      String host = "h" + i + ".tenant.example.net";
      for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) {
        metrics.onEvent(event(kind).host(host).url("https://" + host + "/").hostPattern(host).reason("R" + (i % 97))
            .tls(i % 2 == 0 ? "TLSv1.3" : "TLSv1." + i, "SUITE_" + i, "P" + i).reportOnly(i % 2 == 0)
            .connectionReused(i % 3 == 0).handshakeDuration(Duration.ofMillis(1)).build());
      }
    }
    assertEquals(40_000, count("hardwire.requests", "outcome", "allowed") * 4);

    Set<String> hostTags = new HashSet<>();
    Set<String> tagValues = new HashSet<>();
    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        tagValues.add(tag.getValue());
        if (tag.getKey().equals("host.pattern")) hostTags.add(tag.getValue());
      }
    }
    assertEquals(java.util.Collections.singleton("other"), hostTags);
    for (String value : tagValues) {
      assertFalse(value.contains("tenant") || value.startsWith("R") || value.startsWith("SUITE_")
          || value.startsWith("P") || value.matches("TLSv1\\.\\d{2,}"), value);
    }
    int series = registry.getMeters().size();
    assertTrue(series - baseline <= 20, "new series: " + (series - baseline));
  }

  @Test
  void countsEventsSeenBeforeBindingAndAgreesAcrossRegistries() {
    HardwireMetrics metrics = HardwireMetrics.forHostPatterns("api.example.com");
    metrics.onEvent(event(SecurityEvent.Kind.REQUEST_ALLOWED).build());
    metrics.onEvent(event(SecurityEvent.Kind.CERTIFICATE_REJECTED).host("api.example.com").reason("EXPIRED").build());
    metrics.bindTo(registry);
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(second);
    metrics.bindTo(second);
    metrics.onEvent(event(SecurityEvent.Kind.REQUEST_ALLOWED).build());
    metrics.onEvent(event(SecurityEvent.Kind.TLS_NEGOTIATED).tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "JDK")
        .handshakeDuration(Duration.ofMillis(3)).build());

    for (MeterRegistry each : new MeterRegistry[] {registry, second}) {
      assertEquals(2, count(each, "hardwire.requests", "outcome", "allowed"));
      assertEquals(1, count(each, "hardwire.certificates.rejected", "reason", "EXPIRED"));
      assertEquals(1, each.get("hardwire.tls.handshake.duration").timer().count(), "bound twice, recorded once");
    }
  }

  @Test
  void publishesAMeterForEveryEventKind() {
    for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) {
      SimpleMeterRegistry fresh = new SimpleMeterRegistry();
      HardwireMetrics metrics = HardwireMetrics.forHostPatterns();
      metrics.bindTo(fresh);
      double before = total(fresh);
      metrics.onEvent(event(kind).handshakeDuration(Duration.ofMillis(1)).build());
      assertNotEquals(before, total(fresh), kind.toString());
    }
  }

  @Test
  void rejectsMalformedHostPatterns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HardwireMetrics.forHostPatterns("api.*.com"));
    assertTrue(e.getMessage().contains("*.example.com"), e.getMessage());
  }

  private static double total(MeterRegistry registry) {
    double total = 0;
    for (Meter meter : registry.getMeters()) total += count(meter);
    return total;
  }

  private static double count(Meter meter) {
    double total = 0;
    for (io.micrometer.core.instrument.Measurement measurement : meter.measure()) {
      if (measurement.getStatistic() == io.micrometer.core.instrument.Statistic.COUNT) total += measurement.getValue();
    }
    return total;
  }
}
