package dev.hardwire.core.internal.tls;

import dev.hardwire.core.TlsVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The protocols and cipher suites a policy allows. TLS 1.3 suites are all AEAD; for TLS 1.2 only
 * ECDHE key exchange (forward secrecy) with AES-GCM or ChaCha20-Poly1305 is allowed, so no CBC, RSA
 * key transport, DHE or SHA-1 MAC suite can ever be negotiated.
 */
public final class TlsParameters {
  static final List<String> TLS_1_3_SUITES = Collections.unmodifiableList(Arrays.asList(
      "TLS_AES_128_GCM_SHA256",
      "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256"));

  static final List<String> TLS_1_2_SUITES = Collections.unmodifiableList(Arrays.asList(
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

  private TlsParameters() {
  }

  /** The JSSE protocol names for {@code minimum} and newer, newest first. */
  public static List<String> protocols(TlsVersion minimum) {
    return minimum == TlsVersion.TLS_1_3
        ? Collections.singletonList(TlsVersion.TLS_1_3.javaName())
        : Collections.unmodifiableList(Arrays.asList(TlsVersion.TLS_1_3.javaName(), TlsVersion.TLS_1_2.javaName()));
  }

  /** The standard cipher suite names for {@code minimum} and newer, in preference order. */
  public static List<String> cipherSuites(TlsVersion minimum) {
    if (minimum == TlsVersion.TLS_1_3) return TLS_1_3_SUITES;
    List<String> result = new ArrayList<>(TLS_1_3_SUITES);
    result.addAll(TLS_1_2_SUITES);
    return Collections.unmodifiableList(result);
  }

  /**
   * The protocol a policy cipher suite belongs to: each allowed suite exists in one TLS version
   * only, so a client that exposes the suite but not the session (HttpsURLConnection on Java 11)
   * still reports the version exactly. Null for a suite outside the policy's lists.
   */
  public static String protocolOf(String cipherSuite) {
    if (TLS_1_3_SUITES.contains(cipherSuite)) return TlsVersion.TLS_1_3.javaName();
    if (TLS_1_2_SUITES.contains(cipherSuite)) return TlsVersion.TLS_1_2.javaName();
    return null;
  }
}
