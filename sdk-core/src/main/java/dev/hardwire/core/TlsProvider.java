package dev.hardwire.core;

/**
 * The JSSE implementation that performs the handshake. The provider is used explicitly by the
 * policy's {@code SSLContext}; Hardwire never installs a provider globally.
 *
 * <p>{@link #CONSCRYPT} and {@link #BOUNCY_CASTLE} are optional dependencies. Choosing one that is
 * not on the class path fails in {@link SecurityPolicy.Builder#build()} with the Maven coordinates
 * to add.
 */
public enum TlsProvider {
  /** The JDK's own SunJSSE (on Android: the platform's Conscrypt). The default. */
  JDK,
  /**
   * Conscrypt ({@code org.conscrypt:conscrypt-openjdk-uber}), BoringSSL underneath: the fastest
   * handshakes, and TLS 1.3 on platforms that lack it.
   */
  CONSCRYPT,
  /** Bouncy Castle JSSE ({@code org.bouncycastle:bctls-jdk18on}), for regulated environments. */
  BOUNCY_CASTLE
}
