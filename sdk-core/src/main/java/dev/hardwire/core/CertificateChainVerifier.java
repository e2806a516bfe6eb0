package dev.hardwire.core;

import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.trust.TrustDecision;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one place where Hardwire decides whether to trust a server: every adapter (OkHttp, {@code
 * java.net.http}, {@code HttpsURLConnection}, Android) asks it, through {@link #trustManager()}
 * during the handshake, so all of them accept and refuse exactly the same chains.
 *
 * <pre>{@code
 * CertificateChainVerifier verifier = CertificateChainVerifier.create(policy);
 * verifier.verify(chainLeafFirst, "api.example.com");   // returns, or throws
 * }</pre>
 *
 * <p>A chain is trusted only if all of these hold, in this order:
 *
 * <ol>
 *   <li>the platform's PKIX path builder finds a valid path from the leaf to one of the policy's
 *       trust anchors (the platform's roots unless {@link SecurityPolicy.Builder#trustAnchors} was
 *       set), at the policy clock's time, using only the certificates the server sent (no
 *       downloads): an incomplete chain fails;
 *   <li>every key in the path is RSA of 2048 bits or more or EC on P-256, P-384 or P-521; every
 *       signature (but the root's self-signature) is SHA-256 or stronger; every issuer is a CA;
 *       the leaf is not a CA, and if it has an extended key usage, it includes serverAuth;
 *   <li>the host matches a subjectAltName of the leaf (dNSName, or iPAddress for IP literals; the
 *       common name is never used; a wildcard is a whole left-most label matching one label);
 *   <li>if the policy pins the host, the path contains a pinned key (the pins of every pattern that
 *       matches the host count together, as in OkHttp's {@code CertificatePinner}).
 * </ol>
 *
 * <p>A failure is a {@link CertificateRejectedException} with the {@linkplain
 * CertificateRejectedException#reason() rule} broken, and a {@link
 * SecurityEvent.Kind#CERTIFICATE_REJECTED} (or {@link SecurityEvent.Kind#PIN_FAILURE}) event. A pin
 * failure lists the chain's actual pins, as OkHttp does:
 *
 * <pre>
 * Certificate pinning failure!
 *   Peer certificate chain:
 *     sha256/Kc1tV+ru/uUTgb9U9/H1nUrCYz/N6v66r8SEahCq6Yg=: CN=api.example.com
 *     sha256/iFvwVyJSxnQdyaUvUERIf+8qk7gRze3612JMwoO3zdU=: CN=Example Intermediate
 *   Pinned certificates for api.example.com:
 *     sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= (api.example.com)
 * </pre>
 *
 * <p>Safe for concurrent use by any number of threads.
 */
public final class CertificateChainVerifier {
  private final TrustDecision decision;
  private final EventDispatcher events;
  private final X509ExtendedTrustManager trustManager;

  private CertificateChainVerifier(SecurityPolicy policy) {
    this.events = new EventDispatcher(policy.eventListeners(), policy.clock());
    this.decision = new TrustDecision(policy, events);
    this.trustManager = decision.trustManager(this);
  }

  /** Creates the verifier for {@code policy}. Cheap after the first use of the platform roots. */
  public static CertificateChainVerifier create(SecurityPolicy policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    return new CertificateChainVerifier(policy);
  }

  /**
   * Verifies {@code chainLeafFirst} as a TLS server chain for {@code hostname}.
   *
   * @throws CertificateRejectedException if the chain is not trusted for that host; the message
   *     names the rule and the fix
   */
  public void verify(List<X509Certificate> chainLeafFirst, String hostname) throws CertificateException {
    try {
      decision.verify(chainLeafFirst, hostname);
    } catch (CertificateRejectedException e) {
      if (e.reason() != Reason.PIN_MISMATCH) {
        events.emit(events.event(SecurityEvent.Kind.CERTIFICATE_REJECTED)
            .host(hostname)
            .reason(e.reason().name())
            .message(e.getMessage()));
      }
      throw e;
    }
  }

  /**
   * This verifier as a trust manager for any JSSE provider. It takes the host from the handshake
   * session ({@code SSLSocket.getHandshakeSession().getPeerHost()} or {@code SSLEngine.getPeerHost()})
   * and refuses a handshake without one.
   */
  public X509ExtendedTrustManager trustManager() {
    return trustManager;
  }
}
