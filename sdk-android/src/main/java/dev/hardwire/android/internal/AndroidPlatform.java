package dev.hardwire.android.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * What Hardwire asks the Android platform, and nothing else. Every decision made from these answers
 * lives in {@link ApiLevels}, so it can be tested at any API level on the JVM; {@link
 * SystemPlatform} gives the device's real answers. Each method says from which API level it may be
 * called: callers check {@link #sdkInt()} first.
 */
public interface AndroidPlatform {
  /** {@code Build.VERSION.SDK_INT}. */
  int sdkInt();

  /** The Network Security Config's app-wide cleartext answer. API 23+. */
  boolean isCleartextTrafficPermitted();

  /** The Network Security Config's cleartext answer for {@code host}. API 24+. */
  boolean isCleartextTrafficPermitted(String host);

  /**
   * The platform's own trust decision for {@code chain} as presented by {@code host}: on a device,
   * the default {@code TrustManagerFactory}'s trust manager (NSC-aware) asked host-aware, so that the
   * app's NSC trust anchors, pins, debug overrides and Certificate Transparency apply.
   *
   * @throws CertificateException if the platform rejects the chain
   */
  void checkServerTrusted(X509Certificate[] chain, String authType, String host) throws CertificateException;

  /** True if Conscrypt ({@code org.conscrypt:conscrypt-android}) is on the class path and loads. */
  boolean hasConscrypt();
}
