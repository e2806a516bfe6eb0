package dev.hardwire.android.internal;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;

/**
 * Every decision that depends on the Android version, in one place (the table in README.md):
 *
 * <pre>
 * API    | client                       | TLS, policy provider JDK          | NSC cleartext answer
 * 21-23  | refused (IllegalState)       | -                                 | 21-22: always; 23: app-wide
 * 24-28  | yes                          | Conscrypt if present, else the    | per host
 *        |                              | platform's TLS 1.2 if the policy  |
 *        |                              | allows it, else refused           |
 * 29+    | yes                          | the platform's (TLS 1.3)          | per host
 * </pre>
 *
 * Android 7.0 (API 24) offers ECDHE on P-256 only in its own TLS 1.2 (fixed in 7.1): one more
 * reason to prefer Conscrypt before Android 10 whenever the app ships it.
 *
 * A policy that names {@code CONSCRYPT} or {@code BOUNCY_CASTLE} gets that provider on every level.
 */
public final class ApiLevels {
  /** Android 6.0: the Network Security Policy's app-wide cleartext flag. */
  static final int M = 23;
  /**
   * Android 7.0: Network Security Config per host, {@code X509ExtendedTrustManager} and {@code
   * SSLSocket.getHandshakeSession()}, without which no trust manager learns the host during the
   * handshake.
   */
  static final int N = 24;
  /** Android 10: TLS 1.3 in the platform's TLS. */
  static final int Q = 29;

  private ApiLevels() {
  }

  /**
   * Fails on devices where Hardwire cannot check certificates inside the handshake.
   *
   * @throws IllegalStateException below API 24, with what to do
   */
  static void checkSupported(int sdkInt) {
    if (sdkInt >= N) return;
    throw new IllegalStateException("This device runs Android API " + sdkInt + "; Hardwire needs API 24 (Android 7.0)"
        + " or newer to verify certificates during the TLS handshake (javax.net.ssl.X509ExtendedTrustManager and the"
        + " per-host Network Security Config arrive in API 24). Gate the feature on Build.VERSION.SDK_INT >= 24, or"
        + " raise minSdk to 24.");
  }

  /**
   * The provider that performs handshakes for {@code policy} on this device.
   *
   * @throws IllegalStateException if the policy requires TLS 1.3 and neither the platform (before
   *     Android 10) nor Conscrypt can provide it; the message names both fixes
   */
  static TlsProvider tlsProvider(SecurityPolicy policy, AndroidPlatform platform) {
    int sdkInt = platform.sdkInt();
    checkSupported(sdkInt);
    if (policy.tlsProvider() != TlsProvider.JDK || sdkInt >= Q) return policy.tlsProvider();
    // Conscrypt even when the policy allows TLS 1.2: TLS 1.3 where servers offer it, and no P-256-only ECDHE on 7.0.
    if (platform.hasConscrypt()) return TlsProvider.CONSCRYPT;
    if (policy.minimumTlsVersion() == TlsVersion.TLS_1_3) {
      throw new IllegalStateException("The policy requires TLS 1.3, which Android's own TLS supports only from Android 10"
          + " (API 29); this device runs API " + sdkInt + ". Add Conscrypt to the app"
          + " (implementation(\"org.conscrypt:conscrypt-android:2.5.3\")): Hardwire uses it for its own connections"
          + " without installing it globally. Or allow TLS 1.2 with minimumTlsVersion(TlsVersion.TLS_1_2).");
    }
    return TlsProvider.JDK;
  }

  /**
   * What the app's Network Security Config says about cleartext to {@code host}: per host from API
   * 24, app-wide on 23, and always permitted before, where no such config exists.
   */
  static boolean cleartextPermitted(AndroidPlatform platform, String host) {
    int sdkInt = platform.sdkInt();
    if (sdkInt >= N) return platform.isCleartextTrafficPermitted(host);
    if (sdkInt >= M) return platform.isCleartextTrafficPermitted();
    return true;
  }
}
