package dev.hardwire.android.internal;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.tls.PlatformTls;
import javax.net.ssl.X509TrustManager;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * Android's say in a policy's TLS: the provider {@link ApiLevels} chose for this device, and a
 * trust manager that asks the platform (the app's Network Security Config) and then Hardwire's
 * verifier, so the stricter of the two wins.
 */
final class AndroidTls implements PlatformTls {
  private final AndroidPlatform platform;
  private final TlsProvider provider;

  AndroidTls(AndroidPlatform platform, TlsProvider provider) {
    this.platform = platform;
    this.provider = provider;
  }

  @Override
  public TlsProvider provider(SecurityPolicy policy) {
    return provider;
  }

  /** API 24+ only: {@link ApiLevels#checkSupported} refuses older devices before core gets here. */
  @IgnoreJRERequirement
  @Override
  public X509TrustManager trustManager(CertificateChainVerifier verifier, EventDispatcher events) {
    return new PlatformThenPolicyTrustManager(platform, verifier.trustManager(), events);
  }
}
