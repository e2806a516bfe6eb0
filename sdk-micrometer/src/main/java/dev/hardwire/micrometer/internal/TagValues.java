package dev.hardwire.micrometer.internal;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.core.internal.hosts.KnownHostPatterns;
import dev.hardwire.core.internal.tls.TlsParameters;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only values a tag may take: each is checked against an allow-list, and anything else becomes
 * {@value #OTHER}. A metrics backend pays for every distinct tag value, forever; an event field that
 * a server, a URL or a future version controls must never become one unchecked.
 */
public final class TagValues {
  public static final String OTHER = KnownHostPatterns.OTHER;

  private static final Set<String> VERSIONS = javaNames();
  /** Every suite a policy can enable; nothing else can be negotiated. */
  private static final Set<String> SUITES = Collections.unmodifiableSet(
      new LinkedHashSet<>(TlsParameters.cipherSuites(TlsVersion.TLS_1_2)));
  private static final Set<String> PROVIDERS = providerNames();
  private static final Map<SecurityEvent.Kind, Set<String>> REASONS = reasons();

  private TagValues() {
  }

  /** {@code TLSv1.3}, {@code TLSv1.2} or {@value #OTHER}. */
  public static String version(String tlsVersion) {
    return allowed(VERSIONS, tlsVersion);
  }

  /** A standard cipher suite name a policy can enable, or {@value #OTHER}. */
  public static String suite(String cipherSuite) {
    return allowed(SUITES, cipherSuite);
  }

  /** {@code JDK}, {@code CONSCRYPT}, {@code BOUNCY_CASTLE} or {@value #OTHER}. */
  public static String provider(String provider) {
    return allowed(PROVIDERS, provider);
  }

  /** A reason code core emits for events of {@code event}'s kind, or {@value #OTHER}. */
  public static String reason(SecurityEvent event) {
    Set<String> known = REASONS.get(event.kind());
    return known == null ? OTHER : allowed(known, event.reason());
  }

  /** The TLS versions that have their own tag value, newest first. */
  public static Set<String> versions() {
    return VERSIONS;
  }

  /** The reason codes that have their own tag value for {@code kind}; empty if none. */
  public static Set<String> reasons(SecurityEvent.Kind kind) {
    Set<String> known = REASONS.get(kind);
    return known == null ? Collections.<String>emptySet() : known;
  }

  private static String allowed(Set<String> known, String value) {
    return value != null && known.contains(value) ? value : OTHER;
  }

  private static Set<String> javaNames() {
    Set<String> names = new LinkedHashSet<>();
    for (String name : TlsParameters.protocols(TlsVersion.TLS_1_2)) names.add(name);
    return Collections.unmodifiableSet(names);
  }

  private static Set<String> providerNames() {
    Set<String> names = new LinkedHashSet<>();
    for (TlsProvider provider : TlsProvider.values()) names.add(provider.name());
    return Collections.unmodifiableSet(names);
  }

  private static Map<SecurityEvent.Kind, Set<String>> reasons() {
    Map<SecurityEvent.Kind, Set<String>> reasons = new EnumMap<>(SecurityEvent.Kind.class);
    // Emitted by core's RedirectRules and UrlGuard.
    reasons.put(SecurityEvent.Kind.REDIRECT_REFUSED, set("DOWNGRADE", "INVALID_TARGET", "MALFORMED", "TOO_MANY"));
    // Emitted by core's CredentialScope.
    reasons.put(SecurityEvent.Kind.CREDENTIAL_WITHHELD, set("OUT_OF_SCOPE", "CROSS_HOST_REDIRECT"));
    // Emitted by core's CertificateChainVerifier.
    reasons.put(SecurityEvent.Kind.CERTIFICATE_REJECTED, set("EXPIRED", "NOT_YET_VALID", "HOSTNAME_MISMATCH",
        "UNTRUSTED", "INCOMPLETE_CHAIN", "WEAK_KEY", "WEAK_SIGNATURE"));
    // Emitted by the adapters through core's HandshakeFailures.reason; its "OTHER" becomes "other".
    reasons.put(SecurityEvent.Kind.HANDSHAKE_FAILED, set("PROTOCOL_VERSION", "HANDSHAKE_FAILURE"));
    return Collections.unmodifiableMap(reasons);
  }

  private static Set<String> set(String... values) {
    List<String> list = Arrays.asList(values);
    return Collections.unmodifiableSet(new HashSet<>(list));
  }
}
