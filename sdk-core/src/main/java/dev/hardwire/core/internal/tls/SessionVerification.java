package dev.hardwire.core.internal.tls;

import dev.hardwire.core.CertificateChainVerifier;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A finished TLS session judged by the verifier: what an adapter's {@code HostnameVerifier} answers,
 * so that it can never be looser than the trust manager.
 */
public final class SessionVerification {
  private SessionVerification() {
  }

  /**
   * An adapter's host name check, as strict as the trust manager and never run twice on a session:
   * true for a session {@code tls} verified for the host during its handshake, else only if {@code
   * verifier} accepts the session's peer chain for the host now. So a session made by any other
   * socket factory (one an interceptor swapped in) is verified in full, and report-only pin events
   * of the policy's own connections are reported once.
   */
  public static HostnameVerifier hostnameVerifier(TlsContext tls, CertificateChainVerifier verifier) {
    return (host, session) -> tls.verifiedInHandshake(session, host) || verify(verifier, host, session);
  }

  /** True if {@code verifier} accepts {@code session}'s peer chain for {@code host}. */
  public static boolean verify(CertificateChainVerifier verifier, String host, SSLSession session) {
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : session.getPeerCertificates()) {
        if (!(certificate instanceof X509Certificate)) return false;
        chain.add((X509Certificate) certificate);
      }
      verifier.verify(chain, host);
      return true;
    } catch (CertificateException | SSLPeerUnverifiedException e) {
      return false;
    }
  }
}
