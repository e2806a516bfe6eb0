package dev.hardwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SecurityTelemetryTest {
  private static SecurityEvent event(SecurityEvent.Kind kind) {
    return SecurityEvent.builder(kind, Instant.EPOCH).build();
  }

  @Test
  void countsSharesVersionsAndFailures() {
    SecurityTelemetry telemetry = new SecurityTelemetry();
    for (int i = 0; i < 6; i++) telemetry.onEvent(event(SecurityEvent.Kind.REQUEST_ALLOWED));
    telemetry.onEvent(event(SecurityEvent.Kind.CLEARTEXT_REFUSED));
    telemetry.onEvent(event(SecurityEvent.Kind.CLEARTEXT_UPGRADED));
    telemetry.onEvent(SecurityEvent.builder(SecurityEvent.Kind.TLS_NEGOTIATED, Instant.EPOCH)
        .tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "JDK").build());
    telemetry.onEvent(SecurityEvent.builder(SecurityEvent.Kind.CERTIFICATE_REJECTED, Instant.EPOCH)
        .reason("EXPIRED").build());
    telemetry.onEvent(SecurityEvent.builder(SecurityEvent.Kind.PIN_FAILURE, Instant.EPOCH).reportOnly(true).build());

    SecurityTelemetry.Snapshot snapshot = telemetry.snapshot();
    assertEquals(8, snapshot.attempts());
    assertEquals(2, snapshot.cleartextAttempts());
    assertEquals(0.25, snapshot.cleartextShare(), 1e-9);
    assertEquals(1L, snapshot.tlsVersions().get("TLSv1.3"));
    assertEquals(1L, snapshot.cipherSuites().get("TLS_AES_128_GCM_SHA256"));
    assertEquals(1L, snapshot.failures().get("CERTIFICATE_REJECTED/EXPIRED"));
    assertEquals(1L, snapshot.failures().get("PIN_FAILURE/report-only"));
    assertEquals(0.0, new SecurityTelemetry().snapshot().cleartextShare());
  }

  @Test
  void countsExactlyUnderContention() throws Exception {
    SecurityTelemetry telemetry = new SecurityTelemetry();
    ExecutorService executor = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(executor.submit(() -> {
        for (int i = 0; i < 10_000; i++) {
          telemetry.onEvent(event(SecurityEvent.Kind.REQUEST_ALLOWED));
          telemetry.onEvent(SecurityEvent.builder(SecurityEvent.Kind.TLS_NEGOTIATED, Instant.EPOCH)
              .tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "JDK").build());
        }
      }));
    }
    for (Future<?> future : futures) future.get();
    executor.shutdown();
    assertEquals(80_000, telemetry.snapshot().attempts());
    assertEquals(80_000L, telemetry.snapshot().tlsVersions().get("TLSv1.3"));
  }
}
