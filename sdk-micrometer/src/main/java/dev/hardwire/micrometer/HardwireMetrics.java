package dev.hardwire.micrometer;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.hosts.KnownHostPatterns;
import dev.hardwire.micrometer.internal.HardwireMeter;
import dev.hardwire.micrometer.internal.MeterTable;
import dev.hardwire.micrometer.internal.TagValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes a {@link SecurityPolicy}'s {@link SecurityEvent}s as Micrometer meters, so that a fleet's
 * share of cleartext attempts, its TLS version mix, its certificate rejections and pin failures show
 * up in whatever monitoring system Micrometer feeds (Prometheus, an OpenTelemetry collector,
 * Datadog, ...).
 *
 * <p>It is both the policy's event listener and a {@link MeterBinder}. It needs the policy's host
 * patterns (they are the only values the {@code host.pattern} tag may take), and the policy needs
 * the listener: build the policy, then rebuild it with the listener added.
 *
 * <pre>{@code
 * SecurityPolicy base = SecurityPolicy.builder()
 *     .pin("api.example.com", primaryPin, backupPin)
 *     .credential(Credential.bearer("api.example.com", token))
 *     .build();
 * HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
 * SecurityPolicy policy = base.newBuilder().eventListener(metrics).build();
 * metrics.bindTo(meterRegistry);            // or expose it as a MeterBinder bean in Spring Boot
 * OkHttpClient client = HardenedOkHttp.newClient(policy);
 * }</pre>
 *
 * <p>Every tag is bounded: host tags take only the configured pin and credential host patterns
 * (the most specific match) or {@code other}, never a raw request host; TLS versions, cipher suites,
 * providers and reasons take only known values or {@code other}. So ten thousand distinct hosts,
 * or a server sending an unexpected suite name, cannot multiply the number of time series. The
 * meter names and tags are listed in the module's README and are a stable contract.
 *
 * <p>Counts are kept here and read by each registry, so events before {@link #bindTo} are counted
 * and one instance can be bound to several registries; handshake durations are recorded into the
 * registries bound at the time. Thread-safe; counting a request is one {@link LongAdder} increment.
 * Events of kinds it does not know are ignored, never an exception.
 */
public final class HardwireMetrics implements MeterBinder, SecurityEventListener {
  private static final String MODE_ENFORCED = "enforced";
  private static final String MODE_REPORT_ONLY = "report-only";

  private final KnownHostPatterns hostPatterns;
  private final MeterTable table = new MeterTable();
  private final LongAdder allowed;
  private final LongAdder upgraded;
  private final LongAdder refusedCleartext;
  private final LongAdder refusedUrl;
  /** Connections by version tag, for the posture gauges; fixed keys, so reads need no lock. */
  private final Map<String, LongAdder> connectionsByVersion;

  private HardwireMetrics(KnownHostPatterns hostPatterns) {
    this.hostPatterns = hostPatterns;
    // Created up front so that these series exist from the first scrape: PromQL rates and ratios
    // over a series that appears later miss its first increments.
    this.allowed = table.counter(HardwireMeter.REQUESTS, Tags.of("outcome", "allowed"));
    this.upgraded = table.counter(HardwireMeter.REQUESTS, Tags.of("outcome", "upgraded"));
    this.refusedCleartext = table.counter(HardwireMeter.REQUESTS, Tags.of("outcome", "refused-cleartext"));
    this.refusedUrl = table.counter(HardwireMeter.REQUESTS, Tags.of("outcome", "refused-url"));
    table.counter(HardwireMeter.REDIRECTS_REFUSED, Tags.of("reason", "DOWNGRADE"));
    Map<String, LongAdder> byVersion = new LinkedHashMap<>();
    for (String version : TagValues.versions()) byVersion.put(version, new LongAdder());
    byVersion.put(TagValues.OTHER, new LongAdder());
    this.connectionsByVersion = Collections.unmodifiableMap(byVersion);
  }

  /**
   * Metrics whose {@code host.pattern} tag takes the host patterns of {@code policy}'s pins and
   * credentials. Register the result on the policy with {@code
   * policy.newBuilder().eventListener(metrics).build()}.
   */
  public static HardwireMetrics forPolicy(SecurityPolicy policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    return new HardwireMetrics(KnownHostPatterns.of(policy));
  }

  /**
   * Metrics whose {@code host.pattern} tag takes {@code hostPatterns} ({@code api.example.com},
   * {@code *.example.com}, {@code **.example.com}) or {@code other}. Keep the list short: each
   * pattern is a time series per meter.
   *
   * @throws IllegalArgumentException for a malformed pattern
   */
  public static HardwireMetrics forHostPatterns(String... hostPatterns) {
    return new HardwireMetrics(KnownHostPatterns.of(Arrays.asList(hostPatterns)));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (registry == null) throw new NullPointerException("registry == null");
    if (!table.bindTo(registry)) return;
    Gauge.builder(HardwireMeter.CLEARTEXT_SHARE.meterName(), this, HardwireMetrics::cleartextShare)
        .description(HardwireMeter.CLEARTEXT_SHARE.description())
        .register(registry);
    for (final String version : connectionsByVersion.keySet()) {
      Gauge.builder(HardwireMeter.TLS_VERSION_SHARE.meterName(), this, metrics -> metrics.tlsVersionShare(version))
          .description(HardwireMeter.TLS_VERSION_SHARE.description())
          .tag("version", version)
          .register(registry);
    }
  }

  @Override
  public void onEvent(SecurityEvent event) {
    switch (event.kind()) {
      case REQUEST_ALLOWED:
        allowed.increment();
        break;
      case CLEARTEXT_UPGRADED:
        upgraded.increment();
        break;
      case CLEARTEXT_REFUSED:
        refusedCleartext.increment();
        break;
      case URL_REFUSED:
        refusedUrl.increment();
        break;
      case TLS_NEGOTIATED:
        tlsNegotiated(event);
        break;
      case HANDSHAKE_FAILED:
        count(HardwireMeter.TLS_HANDSHAKE_FAILURES, "reason", TagValues.reason(event), "host.pattern", host(event));
        break;
      case CERTIFICATE_REJECTED:
        count(HardwireMeter.CERTIFICATES_REJECTED, "reason", TagValues.reason(event), "host.pattern", host(event));
        break;
      case PIN_FAILURE:
        count(HardwireMeter.PIN_FAILURES, "host.pattern", host(event), "mode", mode(event));
        break;
      case PINS_EXPIRED:
        count(HardwireMeter.PINS_EXPIRED, "host.pattern", host(event));
        break;
      case PIN_WITHOUT_BACKUP:
        count(HardwireMeter.PINS_WITHOUT_BACKUP, "host.pattern", host(event), "mode", mode(event));
        break;
      case CREDENTIAL_WITHHELD:
        count(HardwireMeter.CREDENTIALS_WITHHELD, "host.pattern", host(event), "reason", TagValues.reason(event));
        break;
      case REDIRECT_REFUSED:
        count(HardwireMeter.REDIRECTS_REFUSED, "reason", TagValues.reason(event));
        break;
      case REDIRECT_CROSS_ORIGIN:
        count(HardwireMeter.REDIRECTS_CROSS_ORIGIN);
        break;
      default:
        break;
    }
  }

  private void tlsNegotiated(SecurityEvent event) {
    String version = TagValues.version(event.tlsVersion());
    String provider = TagValues.provider(event.provider());
    connectionsByVersion.get(version).increment();
    count(HardwireMeter.TLS_CONNECTIONS, "version", version, "suite", TagValues.suite(event.cipherSuite()),
        "provider", provider, "connection", event.connectionReused() ? "reused" : "new");
    if (!event.connectionReused() && event.handshakeDuration() != null) {
      table.record(HardwireMeter.TLS_HANDSHAKE_DURATION, Tags.of("version", version, "provider", provider),
          event.handshakeDuration());
    }
  }

  private void count(HardwireMeter meter, String... tagKeysAndValues) {
    table.counter(meter, Tags.of(tagKeysAndValues)).increment();
  }

  private String host(SecurityEvent event) {
    return hostPatterns.classify(event);
  }

  private static String mode(SecurityEvent event) {
    return event.reportOnly() ? MODE_REPORT_ONLY : MODE_ENFORCED;
  }

  /**
   * Requests that tried cleartext (refused or upgraded) divided by all requests the URL guard
   * judged, since start; 0 before the first request. The value of the {@code
   * hardwire.posture.cleartext.share} gauge.
   */
  public double cleartextShare() {
    long cleartext = refusedCleartext.sum() + upgraded.sum();
    long all = cleartext + allowed.sum() + refusedUrl.sum();
    return all == 0 ? 0 : (double) cleartext / all;
  }

  /**
   * TLS connections negotiated with {@code version} ({@code TLSv1.3}, {@code TLSv1.2} or {@code
   * other}) divided by all TLS connections, new and reused, since start; 0 before the first. The
   * value of the {@code hardwire.posture.tls.share} gauge.
   */
  public double tlsVersionShare(String version) {
    LongAdder connections = connectionsByVersion.get(version);
    if (connections == null) return 0;
    long all = 0;
    for (LongAdder adder : connectionsByVersion.values()) all += adder.sum();
    return all == 0 ? 0 : (double) connections.sum() / all;
  }

  @Override
  public String toString() {
    return "HardwireMetrics{hostPatterns=" + hostPatterns.patterns() + "}";
  }
}
