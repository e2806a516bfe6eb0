package dev.hardwire.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One security decision, as reported to every {@link SecurityEventListener} of a policy. All
 * adapters report through this one schema, so a team counts its cleartext attempts, TLS versions
 * and certificate failures the same way whichever HTTP client made the call.
 *
 * <p>An event never holds a secret: URLs are {@linkplain #url() redacted} (no userinfo, query or
 * fragment) and credentials appear only by header name and host pattern.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .eventListener(event -> {
 *       if (event.kind() == SecurityEvent.Kind.CLEARTEXT_REFUSED) {
 *         log.warn("cleartext attempt from " + event.callSite() + ": " + event.url());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public final class SecurityEvent {
  /** What was decided. */
  public enum Kind {
    /** A request passed the URL guard: it goes out over TLS. */
    REQUEST_ALLOWED,
    /** A non-https URL was refused before any DNS lookup or socket. */
    CLEARTEXT_REFUSED,
    /** An {@code http://} URL was rewritten to {@code https://} ({@link CleartextMode#UPGRADE}). */
    CLEARTEXT_UPGRADED,
    /** A URL was refused for another reason than its scheme (userinfo, malformed). */
    URL_REFUSED,
    /** A redirect was refused: to a non-https URL, malformed, or one hop too many. */
    REDIRECT_REFUSED,
    /** A redirect to another origin was followed; sensitive headers were dropped. */
    REDIRECT_CROSS_ORIGIN,
    /** A certificate chain failed validation; {@link #reason()} says which rule. */
    CERTIFICATE_REJECTED,
    /** A chain matched none of the pins configured for its host. */
    PIN_FAILURE,
    /** Pins for a host pattern have expired and are no longer enforced. */
    PINS_EXPIRED,
    /** A host pattern has a single pin: the first key rotation will lock clients out. */
    PIN_WITHOUT_BACKUP,
    /** A scoped credential was not attached to a request outside its scope. */
    CREDENTIAL_WITHHELD,
    /** A TLS handshake completed (or a pooled TLS connection was reused). */
    TLS_NEGOTIATED,
    /** A TLS handshake failed for a reason other than the certificate (version, cipher suite). */
    HANDSHAKE_FAILED
  }

  private final Kind kind;
  private final Instant time;
  private final String url;
  private final String host;
  private final String reason;
  private final String hostPattern;
  private final String tlsVersion;
  private final String cipherSuite;
  private final String provider;
  private final Duration handshakeDuration;
  private final boolean reportOnly;
  private final boolean connectionReused;
  private final StackTraceElement callSite;
  private final String message;

  private SecurityEvent(Builder builder) {
    this.kind = builder.kind;
    this.time = builder.time;
    this.url = builder.url;
    this.host = builder.host;
    this.reason = builder.reason;
    this.hostPattern = builder.hostPattern;
    this.tlsVersion = builder.tlsVersion;
    this.cipherSuite = builder.cipherSuite;
    this.provider = builder.provider;
    this.handshakeDuration = builder.handshakeDuration;
    this.reportOnly = builder.reportOnly;
    this.connectionReused = builder.connectionReused;
    this.callSite = builder.callSite;
    this.message = builder.message;
  }

  public static Builder builder(Kind kind, Instant time) {
    return new Builder(kind, time);
  }

  public Kind kind() {
    return kind;
  }

  public Instant time() {
    return time;
  }

  /** The URL concerned, without userinfo, query or fragment; null if none or unparsable. */
  public String url() {
    return url;
  }

  /** The peer host name or IP literal; null if unknown. */
  public String host() {
    return host;
  }

  /**
   * A stable, low-cardinality reason code, such as {@code EXPIRED} or {@code HOSTNAME_MISMATCH} for
   * {@link Kind#CERTIFICATE_REJECTED}, {@code DOWNGRADE} for {@link Kind#REDIRECT_REFUSED}; null if
   * none.
   */
  public String reason() {
    return reason;
  }

  /** The configured host pattern a pin or credential event concerns; null if none. */
  public String hostPattern() {
    return hostPattern;
  }

  /** The negotiated protocol, such as {@code TLSv1.3}; null if none. */
  public String tlsVersion() {
    return tlsVersion;
  }

  /** The negotiated cipher suite; null if none. */
  public String cipherSuite() {
    return cipherSuite;
  }

  /** The TLS provider, such as {@code JDK}, {@code CONSCRYPT} or {@code BOUNCY_CASTLE}; null if none. */
  public String provider() {
    return provider;
  }

  /** The time a new handshake took; null for reused connections and other kinds. */
  public Duration handshakeDuration() {
    return handshakeDuration;
  }

  /** True when a pin failure was only reported because the pins are report-only. */
  public boolean reportOnly() {
    return reportOnly;
  }

  /** True for {@link Kind#TLS_NEGOTIATED} on a pooled connection rather than a new handshake. */
  public boolean connectionReused() {
    return connectionReused;
  }

  /**
   * The first stack frame outside Hardwire and the HTTP client library: the code that made the
   * request. Null when unknown (for example on a dispatcher thread).
   */
  public StackTraceElement callSite() {
    return callSite;
  }

  /** A human-readable description, free of secrets. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    StringBuilder result = new StringBuilder("SecurityEvent{").append(kind);
    appendField(result, "url", url);
    appendField(result, "host", url == null ? host : null);
    appendField(result, "reason", reason);
    appendField(result, "hostPattern", hostPattern);
    appendField(result, "tls", tlsVersion);
    appendField(result, "suite", cipherSuite);
    appendField(result, "provider", provider);
    if (handshakeDuration != null) appendField(result, "handshake", handshakeDuration.toNanos() / 1000 + "us");
    if (reportOnly) result.append(", reportOnly");
    if (connectionReused) result.append(", reused");
    if (callSite != null) appendField(result, "callSite", callSite.toString());
    return result.append('}').toString();
  }

  private static void appendField(StringBuilder result, String name, String value) {
    if (value != null) result.append(", ").append(name).append('=').append(value);
  }

  /** Builds events. Adapters use it; applications rarely need to. */
  public static final class Builder {
    private final Kind kind;
    private final Instant time;
    private String url;
    private String host;
    private String reason;
    private String hostPattern;
    private String tlsVersion;
    private String cipherSuite;
    private String provider;
    private Duration handshakeDuration;
    private boolean reportOnly;
    private boolean connectionReused;
    private StackTraceElement callSite;
    private String message;

    Builder(Kind kind, Instant time) {
      if (kind == null || time == null) throw new NullPointerException("kind == null || time == null");
      this.kind = kind;
      this.time = time;
    }

    /** Sets the URL, which the caller must already have redacted. */
    public Builder url(String redactedUrl) {
      this.url = redactedUrl;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Builder hostPattern(String hostPattern) {
      this.hostPattern = hostPattern;
      return this;
    }

    public Builder tls(String tlsVersion, String cipherSuite, String provider) {
      this.tlsVersion = tlsVersion;
      this.cipherSuite = cipherSuite;
      this.provider = provider;
      return this;
    }

    public Builder handshakeDuration(Duration handshakeDuration) {
      this.handshakeDuration = handshakeDuration;
      return this;
    }

    public Builder reportOnly(boolean reportOnly) {
      this.reportOnly = reportOnly;
      return this;
    }

    public Builder connectionReused(boolean connectionReused) {
      this.connectionReused = connectionReused;
      return this;
    }

    public Builder callSite(StackTraceElement callSite) {
      this.callSite = callSite;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public SecurityEvent build() {
      return new SecurityEvent(this);
    }
  }
}
