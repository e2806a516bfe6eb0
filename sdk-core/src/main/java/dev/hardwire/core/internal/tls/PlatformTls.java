package dev.hardwire.core.internal.tls;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.events.EventDispatcher;
import javax.net.ssl.X509TrustManager;

/**
 * A platform's say in a policy's TLS context, for adapters that run where the platform has trust
 * rules of its own (Android's Network Security Config). The platform may choose which provider
 * performs the handshake (Conscrypt where the platform lacks TLS 1.3) and may add its own trust
 * check, but only on top of the verifier: a trust manager it returns must reject every chain the
 * verifier rejects. The JVM adapters use {@link #POLICY}.
 */
public interface PlatformTls {
  /** The policy's provider, with the verifier as the only trust manager. */
  PlatformTls POLICY = new PlatformTls() {
    @Override
    public TlsProvider provider(SecurityPolicy policy) {
      return policy.tlsProvider();
    }

    @Override
    public X509TrustManager trustManager(CertificateChainVerifier verifier, EventDispatcher events) {
      return verifier.trustManager();
    }
  };

  /**
   * The provider that performs the handshake for {@code policy}.
   *
   * @throws IllegalStateException if this platform cannot do what the policy asks, with the fix
   */
  TlsProvider provider(SecurityPolicy policy);

  /** The handshake's trust manager: the platform's check, if any, and always {@code verifier}. */
  X509TrustManager trustManager(CertificateChainVerifier verifier, EventDispatcher events);
}
