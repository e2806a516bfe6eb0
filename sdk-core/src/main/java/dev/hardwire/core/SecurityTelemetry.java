package dev.hardwire.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts a policy's events in process: how many requests tried cleartext, which TLS versions and
 * suites were negotiated, and which failures happened, by reason. Thread-safe and lock-free.
 *
 * <pre>{@code
 * SecurityTelemetry telemetry = new SecurityTelemetry();
 * SecurityPolicy policy = SecurityPolicy.builder().eventListener(telemetry).build();
 * // ... use clients built from the policy ...
 * SecurityTelemetry.Snapshot snapshot = telemetry.snapshot();
 * System.out.printf("cleartext share: %.1f%%%n", 100 * snapshot.cleartextShare());
 * }</pre>
 *
 * <p>A request is counted once, by the URL guard's verdict on its first hop: allowed, upgraded,
 * refused as cleartext, or refused for another URL problem. Redirect hops are not new requests.
 */
public final class SecurityTelemetry implements SecurityEventListener {
  private final Map<SecurityEvent.Kind, LongAdder> kinds = new EnumMap<>(SecurityEvent.Kind.class);
  private final ConcurrentMap<String, LongAdder> tlsVersions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> cipherSuites = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> failures = new ConcurrentHashMap<>();

  public SecurityTelemetry() {
    // Filled up front so that onEvent never writes to the EnumMap, which is not thread-safe.
    for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) kinds.put(kind, new LongAdder());
  }

  @Override
  public void onEvent(SecurityEvent event) {
    kinds.get(event.kind()).increment();
    switch (event.kind()) {
      case TLS_NEGOTIATED:
        if (event.tlsVersion() != null) increment(tlsVersions, event.tlsVersion());
        if (event.cipherSuite() != null) increment(cipherSuites, event.cipherSuite());
        break;
      case CLEARTEXT_REFUSED:
      case URL_REFUSED:
      case REDIRECT_REFUSED:
      case CERTIFICATE_REJECTED:
      case HANDSHAKE_FAILED:
      case PIN_FAILURE:
        increment(failures, event.kind() + (event.reason() != null ? "/" + event.reason() : "")
            + (event.reportOnly() ? "/report-only" : ""));
        break;
      default:
        break;
    }
  }

  private static void increment(ConcurrentMap<String, LongAdder> map, String key) {
    LongAdder adder = map.get(key);
    if (adder == null) {
      LongAdder created = new LongAdder();
      adder = map.putIfAbsent(key, created);
      if (adder == null) adder = created;
    }
    adder.increment();
  }

  /** A consistent-enough copy of the counters: each counter is read once. */
  public Snapshot snapshot() {
    Map<SecurityEvent.Kind, Long> counts = new EnumMap<>(SecurityEvent.Kind.class);
    for (Map.Entry<SecurityEvent.Kind, LongAdder> entry : kinds.entrySet()) {
      counts.put(entry.getKey(), entry.getValue().sum());
    }
    return new Snapshot(counts, copy(tlsVersions), copy(cipherSuites), copy(failures));
  }

  private static Map<String, Long> copy(ConcurrentMap<String, LongAdder> map) {
    Map<String, Long> result = new TreeMap<>();
    for (Map.Entry<String, LongAdder> entry : map.entrySet()) result.put(entry.getKey(), entry.getValue().sum());
    return Collections.unmodifiableMap(result);
  }

  /** Counters at one moment. */
  public static final class Snapshot {
    private final Map<SecurityEvent.Kind, Long> counts;
    private final Map<String, Long> tlsVersions;
    private final Map<String, Long> cipherSuites;
    private final Map<String, Long> failures;

    Snapshot(Map<SecurityEvent.Kind, Long> counts, Map<String, Long> tlsVersions, Map<String, Long> cipherSuites,
        Map<String, Long> failures) {
      this.counts = Collections.unmodifiableMap(counts);
      this.tlsVersions = tlsVersions;
      this.cipherSuites = cipherSuites;
      this.failures = failures;
    }

    /** How many events of {@code kind} were seen. */
    public long count(SecurityEvent.Kind kind) {
      return counts.get(kind);
    }

    /** Requests seen by the URL guard: allowed, upgraded, refused as cleartext or otherwise. */
    public long attempts() {
      return count(SecurityEvent.Kind.REQUEST_ALLOWED) + cleartextAttempts() + count(SecurityEvent.Kind.URL_REFUSED);
    }

    /** Requests that tried cleartext: refused or upgraded. */
    public long cleartextAttempts() {
      return count(SecurityEvent.Kind.CLEARTEXT_REFUSED) + count(SecurityEvent.Kind.CLEARTEXT_UPGRADED);
    }

    /** {@link #cleartextAttempts()} / {@link #attempts()}, or 0 before the first request. */
    public double cleartextShare() {
      long attempts = attempts();
      return attempts == 0 ? 0 : (double) cleartextAttempts() / attempts;
    }

    /** Negotiated TLS connections by protocol, such as {@code TLSv1.3}. */
    public Map<String, Long> tlsVersions() {
      return tlsVersions;
    }

    /** Negotiated TLS connections by cipher suite. */
    public Map<String, Long> cipherSuites() {
      return cipherSuites;
    }

    /** Refusals and failures by {@code KIND/REASON}, such as {@code CERTIFICATE_REJECTED/EXPIRED}. */
    public Map<String, Long> failures() {
      return failures;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "requests: %d (cleartext attempts: %d, %.1f%%; upgraded: %d)%nTLS versions: %s%ncipher suites: %s%n"
              + "failures: %s",
          attempts(), cleartextAttempts(), 100 * cleartextShare(), count(SecurityEvent.Kind.CLEARTEXT_UPGRADED),
          tlsVersions, cipherSuites, failures);
    }
  }
}
