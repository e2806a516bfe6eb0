package dev.hardwire.core;

import dev.hardwire.core.internal.hosts.KnownHostPatterns;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Raises a {@link SecurityAlert} when something tries to downgrade a connection or a pin fails, at
 * most once per event kind and host pattern per interval, so that an application can page someone,
 * or quarantine a backend, without being flooded by a storm of identical events.
 *
 * <p>Alerts are raised for {@link SecurityEvent.Kind#CLEARTEXT_REFUSED}, {@link
 * SecurityEvent.Kind#CLEARTEXT_UPGRADED}, {@link SecurityEvent.Kind#REDIRECT_REFUSED} with reason
 * {@code DOWNGRADE} (a redirect from https to http), {@link SecurityEvent.Kind#HANDSHAKE_FAILED}
 * (a server offering an old protocol or weak suites) and {@link SecurityEvent.Kind#PIN_FAILURE}
 * (enforced or report-only). Every other event is ignored.
 *
 * <p>The host dimension is bounded: an event counts against the configured host pattern it matches
 * (the most specific one), or against {@code other}. A flood of cleartext requests to ten thousand
 * different hosts therefore raises one {@code CLEARTEXT_REFUSED on other} alert per interval, not ten
 * thousand.
 *
 * <p>The listener needs the policy's host patterns, and the policy needs the listener: build the
 * policy, then rebuild it with the listener added.
 *
 * <pre>{@code
 * SecurityPolicy base = SecurityPolicy.builder()
 *     .pin("api.example.com", primaryPin, backupPin)
 *     .build();
 * SecurityAlerts alerts = SecurityAlerts.builder()
 *     .hostPatternsOf(base)                      // api.example.com, or "other"
 *     .interval(Duration.ofMinutes(5))            // default: 1 minute
 *     .onAlert(alert -> pagerExecutor.execute(() -> pager.page(alert.toString())))
 *     .build();
 * SecurityPolicy policy = base.newBuilder().eventListener(alerts).build();
 * }</pre>
 *
 * <p>The consumer runs synchronously on the thread that made the decision (often a handshake
 * thread), so it must be fast and must not block: hand real work to an executor, as above. An
 * exception it throws is logged by the policy and changes no decision.
 *
 * <p>Thread-safe; lock-free except for the first event of each kind and host pattern, which adds
 * its entry to a concurrent map. Memory is bounded by the number of alert kinds times the number
 * of host patterns plus one.
 */
public final class SecurityAlerts implements SecurityEventListener {
  private static final List<SecurityEvent.Kind> ALERT_KINDS = Arrays.asList(
      SecurityEvent.Kind.CLEARTEXT_REFUSED,
      SecurityEvent.Kind.CLEARTEXT_UPGRADED,
      SecurityEvent.Kind.REDIRECT_REFUSED,
      SecurityEvent.Kind.HANDSHAKE_FAILED,
      SecurityEvent.Kind.PIN_FAILURE);

  private final KnownHostPatterns hostPatterns;
  private final long intervalMillis;
  private final Clock clock;
  private final Consumer<SecurityAlert> onAlert;
  private final Map<SecurityEvent.Kind, ConcurrentMap<String, Throttle>> throttles =
      new EnumMap<>(SecurityEvent.Kind.class);

  private SecurityAlerts(Builder builder) {
    this.hostPatterns = KnownHostPatterns.of(builder.hostPatterns);
    this.intervalMillis = builder.interval.toMillis();
    this.clock = builder.clock;
    this.onAlert = builder.onAlert;
    // Filled up front so that onEvent only reads the EnumMap, which is not thread-safe.
    for (SecurityEvent.Kind kind : ALERT_KINDS) throttles.put(kind, new ConcurrentHashMap<String, Throttle>());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True for the events this class raises alerts for. */
  static boolean raisesAlert(SecurityEvent event) {
    if (event.kind() == SecurityEvent.Kind.REDIRECT_REFUSED) return "DOWNGRADE".equals(event.reason());
    return ALERT_KINDS.contains(event.kind());
  }

  @Override
  public void onEvent(SecurityEvent event) {
    if (!raisesAlert(event)) return;
    String hostPattern = hostPatterns.classify(event);
    ConcurrentMap<String, Throttle> byHost = throttles.get(event.kind());
    long now = clock.millis();
    Throttle throttle = byHost.get(hostPattern);
    if (throttle == null) {
      Throttle created = new Throttle(now);
      throttle = byHost.putIfAbsent(hostPattern, created);
      if (throttle == null) {
        onAlert.accept(new SecurityAlert(event, hostPattern, 0));
        return;
      }
    }
    long suppressed = throttle.pass(now, intervalMillis);
    if (suppressed >= 0) onAlert.accept(new SecurityAlert(event, hostPattern, suppressed));
  }

  @Override
  public String toString() {
    return "SecurityAlerts{interval=" + Duration.ofMillis(intervalMillis) + ", hostPatterns="
        + hostPatterns.patterns() + "}";
  }

  /** The alert state of one kind and host pattern. */
  private static final class Throttle {
    private final AtomicLong lastAlert;
    private final AtomicLong suppressed = new AtomicLong();

    Throttle(long firstAlert) {
      this.lastAlert = new AtomicLong(firstAlert);
    }

    /** Returns the events suppressed since the last alert if this one is due, else -1. */
    long pass(long now, long interval) {
      while (true) {
        long last = lastAlert.get();
        // A clock set back by more than an interval must not silence alerts until it catches up;
        // a smaller step back is a racing thread that read the clock just before the last alert.
        boolean due = now - last >= interval || now < last - interval;
        if (!due) {
          suppressed.incrementAndGet();
          return -1;
        }
        if (lastAlert.compareAndSet(last, now)) return suppressed.getAndSet(0);
      }
    }
  }

  /** Builds {@link SecurityAlerts}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private final List<String> hostPatterns = new ArrayList<>();
    private Duration interval = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private Consumer<SecurityAlert> onAlert;

    Builder() {
    }

    /** Adds the host patterns of {@code policy}'s pins and credentials as alert keys. */
    public Builder hostPatternsOf(SecurityPolicy policy) {
      if (policy == null) throw new NullPointerException("policy == null");
      hostPatterns.addAll(KnownHostPatterns.of(policy).patterns());
      return this;
    }

    /**
     * Adds host patterns ({@code api.example.com}, {@code *.example.com}, {@code **.example.com})
     * as alert keys. Hosts that match none share the key {@code other}.
     *
     * @throws IllegalArgumentException for a malformed pattern
     */
    public Builder hostPatterns(String... hostPatterns) {
      List<String> patterns = Arrays.asList(hostPatterns);
      KnownHostPatterns.of(patterns);
      this.hostPatterns.addAll(patterns);
      return this;
    }

    /** The least time between two alerts of the same kind and host pattern. Default 1 minute. */
    public Builder interval(Duration interval) {
      if (interval == null) throw new NullPointerException("interval == null");
      if (interval.toMillis() < 1) {
        throw new IllegalArgumentException("interval must be at least 1 ms: " + interval
            + ". To see every event, register a SecurityEventListener instead.");
      }
      this.interval = interval;
      return this;
    }

    /** The clock that measures intervals. Default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /** Receives each alert; required. Runs on the event's thread: keep it fast, do not block. */
    public Builder onAlert(Consumer<SecurityAlert> onAlert) {
      if (onAlert == null) throw new NullPointerException("onAlert == null");
      this.onAlert = onAlert;
      return this;
    }

    /**
     * Builds the listener.
     *
     * @throws IllegalStateException if {@link #onAlert} was not called
     */
    public SecurityAlerts build() {
      if (onAlert == null) {
        throw new IllegalStateException("No alert consumer: call onAlert(alert -> ...) before build().");
      }
      return new SecurityAlerts(this);
    }
  }
}
