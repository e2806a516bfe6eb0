package dev.hardwire.android.internal;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.okhttp.internal.Hardening;
import okhttp3.OkHttpClient;

/**
 * Hardens an OkHttp builder as sdk-okhttp does, with Android's say in TLS ({@link AndroidTls}) and
 * the cleartext report. Everything else (URL guard, redirects, credentials, events) is sdk-okhttp's.
 */
public final class AndroidHardening {
  private AndroidHardening() {
  }

  /**
   * @throws IllegalStateException below API 24, or if the policy needs TLS 1.3 the device cannot do
   */
  public static OkHttpClient.Builder harden(OkHttpClient.Builder builder, SecurityPolicy policy,
      AndroidPlatform platform) {
    if (builder == null) throw new NullPointerException("builder == null");
    if (policy == null) throw new NullPointerException("policy == null");
    // Decided before core builds anything: below API 24 its trust manager's superclass does not exist.
    TlsProvider provider = ApiLevels.tlsProvider(policy, platform);
    PolicyEnforcer enforcer = PolicyEnforcer.of(policy, new AndroidTls(platform, provider));
    CleartextReport.warnIfPermitted(policy, platform);
    return new Hardening(enforcer).applyTo(builder);
  }
}
