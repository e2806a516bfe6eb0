package dev.hardwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.url.UrlGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SecurityAlertsTest {
  private final ManualClock clock = new ManualClock();
  private final List<SecurityAlert> alerts = new CopyOnWriteArrayList<>();

  private SecurityAlerts.Builder alertsBuilder() {
    return SecurityAlerts.builder().clock(clock).interval(Duration.ofMinutes(1)).onAlert(alerts::add);
  }

  private static SecurityEvent event(SecurityEvent.Kind kind, String host) {
    return SecurityEvent.builder(kind, Instant.EPOCH).host(host).build();
  }

  @Test
  void alertsOncePerKindAndHostPatternPerInterval() {
    SecurityAlerts listener = alertsBuilder().hostPatterns("api.example.com").build();
    for (int i = 0; i < 5; i++) listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "api.example.com"));
    assertEquals(1, alerts.size());
    assertEquals(SecurityEvent.Kind.HANDSHAKE_FAILED, alerts.get(0).kind());
    assertEquals("api.example.com", alerts.get(0).hostPattern());
    assertEquals(0, alerts.get(0).suppressed());

    clock.advance(Duration.ofSeconds(59));
    listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "api.example.com"));
    assertEquals(1, alerts.size());

    clock.advance(Duration.ofSeconds(1));
    listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "api.example.com"));
    assertEquals(2, alerts.size());
    assertEquals(5, alerts.get(1).suppressed(), "the four repeats and the one at 59 s");
    assertTrue(alerts.get(1).toString().contains("HANDSHAKE_FAILED on api.example.com, 5 more"),
        alerts.get(1).toString());
  }

  @Test
  void alertsSeparatelyPerKindAndPerHostPattern() {
    SecurityAlerts listener = alertsBuilder().hostPatterns("api.example.com", "*.cdn.example.com").build();
    listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "api.example.com"));
    listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "img.cdn.example.com"));
    listener.onEvent(event(SecurityEvent.Kind.CLEARTEXT_UPGRADED, "api.example.com"));
    listener.onEvent(SecurityEvent.builder(SecurityEvent.Kind.PIN_FAILURE, Instant.EPOCH)
        .hostPattern("*.cdn.example.com").reportOnly(true).build());
    listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "js.cdn.example.com"));

    assertEquals(4, alerts.size());
    assertEquals("*.cdn.example.com", alerts.get(1).hostPattern());
    assertEquals("*.cdn.example.com", alerts.get(3).hostPattern());
    assertTrue(alerts.get(3).event().reportOnly());
  }

  @Test
  void ignoresEventsThatAreNotDowngradesOrPinFailures() {
    SecurityAlerts listener = alertsBuilder().build();
    for (SecurityEvent.Kind kind : new SecurityEvent.Kind[] {SecurityEvent.Kind.REQUEST_ALLOWED,
        SecurityEvent.Kind.TLS_NEGOTIATED, SecurityEvent.Kind.CERTIFICATE_REJECTED, SecurityEvent.Kind.URL_REFUSED,
        SecurityEvent.Kind.CREDENTIAL_WITHHELD, SecurityEvent.Kind.REDIRECT_CROSS_ORIGIN}) {
      listener.onEvent(event(kind, "api.example.com"));
    }
    listener.onEvent(SecurityEvent.builder(SecurityEvent.Kind.REDIRECT_REFUSED, Instant.EPOCH)
        .reason("TOO_MANY").build());
    assertEquals(0, alerts.size());

    listener.onEvent(SecurityEvent.builder(SecurityEvent.Kind.REDIRECT_REFUSED, Instant.EPOCH)
        .reason("DOWNGRADE").build());
    assertEquals(1, alerts.size());
  }

  @Test
  void keepsTheHostDimensionBoundedToConfiguredPatterns() {
    SecurityAlerts listener = alertsBuilder().hostPatterns("api.example.com").build();
    for (int i = 0; i < 10_000; i++) {
      listener.onEvent(event(SecurityEvent.Kind.HANDSHAKE_FAILED, "h" + i + ".attacker.example"));
      // A hostPattern that the listener was not configured with is not trusted either.
      listener.onEvent(SecurityEvent.builder(SecurityEvent.Kind.PIN_FAILURE, Instant.EPOCH)
          .hostPattern("h" + i + ".attacker.example").build());
    }
    assertEquals(2, alerts.size());
    assertEquals("other", alerts.get(0).hostPattern());
    assertEquals("other", alerts.get(1).hostPattern());
  }

  @Test
  void alertsOnRealUrlGuardRefusalsByTheUrlHost() {
    SecurityPolicy base = SecurityPolicy.builder()
        .credential(Credential.bearer("api.example.com", "canary-token-1"))
        .build();
    SecurityAlerts listener = alertsBuilder().hostPatternsOf(base).build();
    SecurityPolicy policy = base.newBuilder().eventListener(listener).build();
    UrlGuard guard = new UrlGuard(policy.cleartextMode(), new EventDispatcher(policy.eventListeners(), policy.clock()));

    for (int i = 0; i < 3; i++) {
      assertThrows(CleartextRefusedException.class, () -> guard.checkRequest("http://api.example.com/x?k=canary-q"));
      assertThrows(CleartextRefusedException.class, () -> guard.checkRequest("http://elsewhere.example/"));
    }

    assertEquals(2, alerts.size());
    assertEquals("api.example.com", alerts.get(0).hostPattern());
    assertEquals("other", alerts.get(1).hostPattern());
    assertFalse(alerts.toString().contains("canary"), alerts.toString());
  }

  @Test
  void alertsAgainWhenTheClockIsSetBackByMoreThanAnInterval() {
    SecurityAlerts listener = alertsBuilder().build();
    listener.onEvent(event(SecurityEvent.Kind.CLEARTEXT_UPGRADED, null));
    clock.advance(Duration.ofSeconds(-30));
    listener.onEvent(event(SecurityEvent.Kind.CLEARTEXT_UPGRADED, null));
    assertEquals(1, alerts.size(), "a racing thread's slightly older reading is no reason to alert");
    clock.advance(Duration.ofHours(-2));
    listener.onEvent(event(SecurityEvent.Kind.CLEARTEXT_UPGRADED, null));
    assertEquals(2, alerts.size());
  }

  @Test
  void alertsExactlyOncePerIntervalUnderContention() throws Exception {
    SecurityAlerts listener = alertsBuilder().build();
    int threads = 8;
    int perThread = 5_000;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(executor.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) listener.onEvent(event(SecurityEvent.Kind.CLEARTEXT_REFUSED, null));
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : futures) future.get();
    executor.shutdown();
    assertEquals(1, alerts.size());

    clock.advance(Duration.ofMinutes(1));
    listener.onEvent(event(SecurityEvent.Kind.CLEARTEXT_REFUSED, null));
    assertEquals(2, alerts.size());
    assertEquals(threads * perThread - 1, alerts.get(1).suppressed());
  }

  @Test
  void rejectsMissingConsumerAndNonPositiveInterval() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> SecurityAlerts.builder().build());
    assertTrue(missing.getMessage().contains("onAlert"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SecurityAlerts.builder().interval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> SecurityAlerts.builder().hostPatterns("api.*.com"));
  }

  /** A clock that moves only when told. */
  private static final class ManualClock extends Clock {
    private final AtomicLong millis = new AtomicLong(1_000_000);

    void advance(Duration duration) {
      millis.addAndGet(duration.toMillis());
    }

    @Override public long millis() {
      return millis.get();
    }

    @Override public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
