package dev.hardwire.core;

import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.tls.TlsParameters;
import dev.hardwire.core.internal.tls.TlsProviders;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one immutable description of how an application's HTTP clients may talk to the network. Every
 * Hardwire adapter (OkHttp, {@code java.net.http}, {@code HttpsURLConnection}, Android) obeys the
 * same policy, so one object decides for all of them.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .pin("api.example.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
 *                             "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=")
 *     .credential(Credential.bearer("api.example.com", System.getenv("API_TOKEN")))
 *     .eventListener(telemetry)
 *     .build();
 * OkHttpClient client = HardenedOkHttp.newClient(policy);
 * }</pre>
 *
 * <p>The defaults are the strictest settings: TLS 1.3 only, the JDK's TLS provider, cleartext
 * refused, the platform's trust store, no pins. {@link #strict()} returns exactly that. Everything a
 * builder accepts is validated in the builder or in {@link Builder#build()}; a malformed pin, host
 * pattern or header name fails there with an {@link IllegalArgumentException} that names the
 * problem and the fix, never later on the network.
 *
 * <p>Policies are immutable and safe to share between threads and clients.
 */
public final class SecurityPolicy {
  private static final int DEFAULT_MAX_REDIRECTS = 10;
  private static final int MAX_REDIRECTS_LIMIT = 20;

  private final TlsVersion minimumTlsVersion;
  private final TlsProvider tlsProvider;
  private final CleartextMode cleartextMode;
  private final List<X509Certificate> trustAnchors;
  private final List<HostPins> pins;
  private final Set<String> sensitiveHeaders;
  private final List<Credential> credentials;
  private final List<SecurityEventListener> eventListeners;
  private final Clock clock;
  private final int maxRedirects;

  private SecurityPolicy(Builder builder) {
    this.minimumTlsVersion = builder.minimumTlsVersion;
    this.tlsProvider = builder.tlsProvider;
    this.cleartextMode = builder.cleartextMode;
    this.trustAnchors = builder.trustAnchors == null
        ? Collections.<X509Certificate>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(builder.trustAnchors));
    this.pins = Collections.unmodifiableList(new ArrayList<>(builder.pins.values()));
    this.sensitiveHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(builder.sensitiveHeaders));
    this.credentials = Collections.unmodifiableList(new ArrayList<>(builder.credentials));
    this.eventListeners = Collections.unmodifiableList(new ArrayList<>(builder.eventListeners));
    this.clock = builder.clock;
    this.maxRedirects = builder.maxRedirects;
  }

  /** The strictest policy: TLS 1.3, the JDK provider, cleartext refused, platform roots, no pins. */
  public static SecurityPolicy strict() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this policy's settings. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  public TlsVersion minimumTlsVersion() {
    return minimumTlsVersion;
  }

  public TlsProvider tlsProvider() {
    return tlsProvider;
  }

  public CleartextMode cleartextMode() {
    return cleartextMode;
  }

  /** The private trust anchors that replace the platform roots; empty means the platform roots. */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  /** The pins per host pattern, in the order configured. */
  public List<HostPins> pins() {
    return pins;
  }

  /**
   * Header names (lower case) dropped on every cross-origin redirect hop, in addition to {@code
   * Authorization}, {@code Proxy-Authorization}, {@code Cookie} and every credential's header.
   */
  public Set<String> sensitiveHeaders() {
    return sensitiveHeaders;
  }

  public List<Credential> credentials() {
    return credentials;
  }

  public List<SecurityEventListener> eventListeners() {
    return eventListeners;
  }

  /** The clock for certificate validity and pin expiry. */
  public Clock clock() {
    return clock;
  }

  /** The most redirect hops a request may follow. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** The JSSE protocol names this policy enables, newest first: {@code [TLSv1.3]} by default. */
  public List<String> enabledProtocols() {
    return TlsParameters.protocols(minimumTlsVersion);
  }

  /**
   * The cipher suites this policy enables, by standard name and in preference order: the TLS 1.3
   * AEAD suites and, when TLS 1.2 is allowed, only its ECDHE suites with AES-GCM or
   * ChaCha20-Poly1305.
   */
  public List<String> enabledCipherSuites() {
    return TlsParameters.cipherSuites(minimumTlsVersion);
  }

  /** Equal policies make the same decisions; listeners and clocks are compared by identity. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SecurityPolicy)) return false;
    SecurityPolicy that = (SecurityPolicy) other;
    return minimumTlsVersion == that.minimumTlsVersion
        && tlsProvider == that.tlsProvider
        && cleartextMode == that.cleartextMode
        && trustAnchors.equals(that.trustAnchors)
        && pins.equals(that.pins)
        && sensitiveHeaders.equals(that.sensitiveHeaders)
        && credentials.equals(that.credentials)
        && eventListeners.equals(that.eventListeners)
        && clock.equals(that.clock)
        && maxRedirects == that.maxRedirects;
  }

  @Override
  public int hashCode() {
    int result = minimumTlsVersion.hashCode();
    result = 31 * result + tlsProvider.hashCode();
    result = 31 * result + cleartextMode.hashCode();
    result = 31 * result + trustAnchors.hashCode();
    result = 31 * result + pins.hashCode();
    result = 31 * result + sensitiveHeaders.hashCode();
    result = 31 * result + credentials.hashCode();
    return 31 * result + maxRedirects;
  }

  /** Describes the policy; credentials show their scope only, never their secret. */
  @Override
  public String toString() {
    return "SecurityPolicy{minimumTlsVersion=" + minimumTlsVersion
        + ", tlsProvider=" + tlsProvider
        + ", cleartextMode=" + cleartextMode
        + ", trustAnchors=" + (trustAnchors.isEmpty() ? "platform" : trustAnchors.size() + " private")
        + ", pins=" + pins
        + ", sensitiveHeaders=" + sensitiveHeaders
        + ", credentials=" + credentials
        + ", maxRedirects=" + maxRedirects
        + "}";
  }

  /** Builds a {@link SecurityPolicy}. Not thread-safe; the policy it builds is. */
  public static final class Builder {
    private TlsVersion minimumTlsVersion = TlsVersion.TLS_1_3;
    private TlsProvider tlsProvider = TlsProvider.JDK;
    private CleartextMode cleartextMode = CleartextMode.REFUSE;
    private List<X509Certificate> trustAnchors;
    private final Map<String, HostPins> pins = new LinkedHashMap<>();
    private final Map<String, Instant> pinExpirations = new LinkedHashMap<>();
    private final Set<String> sensitiveHeaders = new LinkedHashSet<>();
    private final List<Credential> credentials = new ArrayList<>();
    private final List<SecurityEventListener> eventListeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;

    Builder() {
    }

    Builder(SecurityPolicy policy) {
      this.minimumTlsVersion = policy.minimumTlsVersion;
      this.tlsProvider = policy.tlsProvider;
      this.cleartextMode = policy.cleartextMode;
      this.trustAnchors = policy.trustAnchors.isEmpty() ? null : policy.trustAnchors;
      for (HostPins hostPins : policy.pins) pins.put(hostPins.hostPattern(), hostPins);
      this.sensitiveHeaders.addAll(policy.sensitiveHeaders);
      this.credentials.addAll(policy.credentials);
      this.eventListeners.addAll(policy.eventListeners);
      this.clock = policy.clock;
      this.maxRedirects = policy.maxRedirects;
    }

    /**
     * The oldest TLS version allowed. Default {@link TlsVersion#TLS_1_3}. With {@link
     * TlsVersion#TLS_1_2}, only ECDHE key exchange with AEAD ciphers is enabled for TLS 1.2.
     */
    public Builder minimumTlsVersion(TlsVersion version) {
      this.minimumTlsVersion = requireNonNull(version, "minimumTlsVersion");
      return this;
    }

    /** The JSSE implementation. Default {@link TlsProvider#JDK}. */
    public Builder tlsProvider(TlsProvider provider) {
      this.tlsProvider = requireNonNull(provider, "tlsProvider");
      return this;
    }

    /** What happens to {@code http://} URLs. Default {@link CleartextMode#REFUSE}. */
    public Builder cleartextMode(CleartextMode mode) {
      this.cleartextMode = requireNonNull(mode, "cleartextMode");
      return this;
    }

    /**
     * Trusts exactly {@code roots} instead of the platform's trust store, for a private PKI. The
     * roots must be CA certificates; certificates chain to them with the same strict checks.
     *
     * @throws IllegalArgumentException if {@code roots} is empty: a policy that trusts nothing
     *     cannot connect anywhere, which is never what is meant
     */
    public Builder trustAnchors(List<X509Certificate> roots) {
      requireNonNull(roots, "trustAnchors");
      if (roots.isEmpty()) {
        throw new IllegalArgumentException("trustAnchors is empty: pass at least one root certificate, or do not"
            + " call trustAnchors() to use the platform's trust store.");
      }
      for (X509Certificate root : roots) requireNonNull(root, "trust anchor");
      this.trustAnchors = new ArrayList<>(roots);
      return this;
    }

    /**
     * Pins {@code hostPattern} to the given SPKI SHA-256 hashes ({@code sha256/BASE64=}, as
     * OkHttp's {@code CertificatePinner}): a validated chain must contain at least one of them, or
     * the handshake fails with a message that lists the chain's actual pins. Give a backup pin for
     * the next key; a single pin is reported as {@link SecurityEvent.Kind#PIN_WITHOUT_BACKUP}.
     *
     * @throws IllegalArgumentException for a pin that is not base64 of 32 bytes, or a host pattern
     *     other than {@code host}, {@code *.host} or {@code **.host}
     */
    public Builder pin(String hostPattern, String... pins) {
      return addPins(new HostPins(hostPattern, pins, false, null));
    }

    /**
     * Like {@link #pin}, but a mismatch only emits a {@link SecurityEvent.Kind#PIN_FAILURE} event
     * with {@code reportOnly} set and the connection proceeds: roll pins out without bricking
     * clients, then switch to {@link #pin}.
     */
    public Builder pinReportOnly(String hostPattern, String... pins) {
      return addPins(new HostPins(hostPattern, pins, true, null));
    }

    /**
     * Stops enforcing the pins of {@code hostPattern} at {@code expiresAt} (by the policy clock), so
     * that an app that is never updated does not break when the keys rotate. After expiry a {@link
     * SecurityEvent.Kind#PINS_EXPIRED} event is emitted instead.
     */
    public Builder pinExpiration(String hostPattern, Instant expiresAt) {
      requireNonNull(expiresAt, "expiresAt");
      pinExpirations.put(dev.hardwire.core.internal.hosts.HostPattern.parse(hostPattern).toString(), expiresAt);
      return this;
    }

    private Builder addPins(HostPins hostPins) {
      HostPins existing = pins.get(hostPins.hostPattern());
      if (existing != null && existing.reportOnly() != hostPins.reportOnly()) {
        throw new IllegalArgumentException("'" + hostPins.hostPattern() + "' is pinned both enforced and report-only;"
            + " choose one mode per host pattern.");
      }
      if (existing != null) {
        List<String> merged = new ArrayList<>(existing.pins());
        merged.addAll(hostPins.pins());
        hostPins = new HostPins(hostPins.hostPattern(), merged.toArray(new String[0]), hostPins.reportOnly(), null);
      }
      pins.put(hostPins.hostPattern(), hostPins);
      return this;
    }

    /**
     * Headers that are dropped on every redirect to another origin, such as {@code X-Api-Key}.
     * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and every credential's
     * header are always dropped.
     */
    public Builder sensitiveHeaders(String... names) {
      for (String name : names) {
        Credential.checkToken(name, "sensitive header name");
        sensitiveHeaders.add(name.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Adds a credential that adapters attach only to requests in its scope. */
    public Builder credential(Credential credential) {
      credentials.add(requireNonNull(credential, "credential"));
      return this;
    }

    /** Adds a listener for every decision this policy makes. */
    public Builder eventListener(SecurityEventListener listener) {
      eventListeners.add(requireNonNull(listener, "eventListener"));
      return this;
    }

    /** The clock for certificate validity and pin expiry. Default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The most redirect hops one request may follow, 0 to 20. Default 10. */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
        throw new IllegalArgumentException("maxRedirects must be between 0 and " + MAX_REDIRECTS_LIMIT + ": "
            + maxRedirects);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalStateException if the chosen TLS provider is not on the class path (the
     *     message names the Maven coordinates to add), or an expiry names a host without pins
     */
    public SecurityPolicy build() {
      TlsProviders.checkAvailable(tlsProvider);
      for (Map.Entry<String, Instant> expiration : pinExpirations.entrySet()) {
        HostPins hostPins = pins.get(expiration.getKey());
        if (hostPins == null) {
          throw new IllegalStateException("pinExpiration('" + expiration.getKey() + "') names a host pattern without"
              + " pins; call pin() or pinReportOnly() for it first.");
        }
        pins.put(expiration.getKey(), hostPins.withExpiry(expiration.getValue()));
      }
      SecurityPolicy policy = new SecurityPolicy(this);
      EventDispatcher events = new EventDispatcher(policy.eventListeners, policy.clock);
      for (HostPins hostPins : policy.pins) {
        if (hostPins.pins().size() == 1) {
          events.emit(events.event(SecurityEvent.Kind.PIN_WITHOUT_BACKUP)
              .hostPattern(hostPins.hostPattern())
              .reportOnly(hostPins.reportOnly())
              .message("Only one pin for " + hostPins.hostPattern() + ": add a backup pin for the next key, or the"
                  + " first key rotation will lock clients out."));
        }
      }
      return policy;
    }

    private static <T> T requireNonNull(T value, String name) {
      if (value == null) throw new NullPointerException(name + " == null");
      return value;
    }
  }
}
