package dev.hardwire.core.internal.tls;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of a policy: an {@link SSLContext} on the policy's provider whose only trust manager
 * is Hardwire's verifier, and the exact protocols and cipher suites every socket and engine must
 * use. Built once per client; safe to share.
 */
public final class TlsContext {
  private final TlsProvider provider;
  private final SSLContext sslContext;
  private final List<String> protocols;
  private final List<String> cipherSuites;
  private final SSLSocketFactory socketFactory;
  private final HandshakeVerifiedSessions verifiedSessions;

  private TlsContext(TlsProvider provider, SSLContext sslContext, List<String> protocols, List<String> cipherSuites,
      HandshakeVerifiedSessions verifiedSessions) {
    this.provider = provider;
    this.sslContext = sslContext;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
    this.verifiedSessions = verifiedSessions;
    this.socketFactory = new HardenedSocketFactory(sslContext.getSocketFactory(),
        protocols.toArray(new String[0]), cipherSuites.toArray(new String[0]));
  }

  /**
   * Creates the TLS context for {@code policy} with {@code trustManager} deciding trust.
   *
   * @throws IllegalStateException if the provider cannot do what the policy asks (for example no
   *     TLS 1.3 on an old platform), with the fix
   */
  public static TlsContext create(SecurityPolicy policy, X509TrustManager trustManager) {
    return create(policy, policy.tlsProvider(), trustManager);
  }

  /**
   * Like {@link #create(SecurityPolicy, X509TrustManager)}, on {@code providerChoice} instead of the
   * policy's provider: a {@link PlatformTls} may choose the provider the platform needs.
   */
  public static TlsContext create(SecurityPolicy policy, TlsProvider providerChoice, X509TrustManager trustManager) {
    Provider provider = TlsProviders.newProvider(providerChoice);
    SSLContext sslContext;
    HandshakeVerifiedSessions verifiedSessions = new HandshakeVerifiedSessions();
    try {
      sslContext = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
      // An explicit SecureRandom: BCJSSE otherwise asks for one only bcprov registers.
      sslContext.init(null, new TrustManager[] {verifiedSessions.marking(trustManager)}, new SecureRandom());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create a TLS context on " + providerChoice + ": " + e, e);
    }
    verifiedSessions.recognize(sslContext.getClientSessionContext());
    SSLParameters supported = sslContext.getSupportedSSLParameters();
    List<String> protocols = intersect(policy.enabledProtocols(), supported.getProtocols());
    if (!protocols.contains(TlsVersion.TLS_1_3.javaName()) && policy.minimumTlsVersion() == TlsVersion.TLS_1_3) {
      throw new IllegalStateException("TLS provider " + providerChoice + " on Java "
          + System.getProperty("java.version") + " does not support TLS 1.3, which the policy requires. Use"
          + " TlsProvider.CONSCRYPT, or allow TLS 1.2 with minimumTlsVersion(TlsVersion.TLS_1_2).");
    }
    if (protocols.isEmpty()) {
      throw new IllegalStateException("TLS provider " + providerChoice + " supports none of " + policy.enabledProtocols()
          + ". Use another TlsProvider.");
    }
    List<String> suites = intersect(policy.enabledCipherSuites(), supported.getCipherSuites());
    if (suites.isEmpty()) {
      throw new IllegalStateException("TLS provider " + providerChoice + " supports none of the cipher suites "
          + policy.enabledCipherSuites() + ". Use another TlsProvider.");
    }
    return new TlsContext(providerChoice, sslContext, protocols, suites, verifiedSessions);
  }

  private static List<String> intersect(List<String> wanted, String[] supported) {
    Set<String> available = new HashSet<>(Arrays.asList(supported));
    List<String> result = new ArrayList<>();
    for (String name : wanted) {
      if (available.contains(name)) result.add(name);
    }
    return Collections.unmodifiableList(result);
  }

  public TlsProvider provider() {
    return provider;
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  /** A socket factory whose every socket uses only the policy's protocols and suites, with TCP_NODELAY. */
  public SSLSocketFactory socketFactory() {
    return socketFactory;
  }

  /** New parameters with exactly the policy's protocols and suites, for engines and java.net.http. */
  public SSLParameters sslParameters() {
    SSLParameters parameters = new SSLParameters(cipherSuites.toArray(new String[0]), protocols.toArray(new String[0]));
    return parameters;
  }

  /** The enabled protocols, newest first. */
  public List<String> protocols() {
    return protocols;
  }

  /** The enabled cipher suites, in preference order. */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  /**
   * True if this context's trust manager accepted {@code session}'s chain for {@code host} during
   * the session's handshake (a resumed session: during the handshake that established it). A host
   * name check may skip such a session; it must verify any other in full.
   */
  public boolean verifiedInHandshake(SSLSession session, String host) {
    return verifiedSessions.verified(session, host);
  }

  /**
   * True if {@code session} was negotiated with a protocol and suite this policy allows: the check
   * that a connection really is one of the policy's, whoever created it.
   */
  public boolean permits(SSLSession session) {
    return session != null && protocols.contains(session.getProtocol()) && cipherSuites.contains(session.getCipherSuite());
  }
}
