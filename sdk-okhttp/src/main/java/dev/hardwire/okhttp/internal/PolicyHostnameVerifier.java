package dev.hardwire.okhttp.internal;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.internal.tls.SessionVerification;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * OkHttp's hostname check, answered by Hardwire's verifier. A session from the policy's own TLS
 * context was already verified for this host (chain, host name and pins) by the verifier's trust
 * manager during the handshake, so it is not verified twice; any other session is verified here in
 * full, so a socket factory swapped in by an interceptor cannot skip the policy. (BCJSSE gives its
 * TLS 1.3 sessions no session context, so with it every new connection is verified twice.)
 */
final class PolicyHostnameVerifier implements HostnameVerifier {
  private final CertificateChainVerifier verifier;
  private final SSLSessionContext policySessions;

  PolicyHostnameVerifier(CertificateChainVerifier verifier, SSLContext policyContext) {
    this.verifier = verifier;
    this.policySessions = policyContext.getClientSessionContext();
  }

  @Override
  public boolean verify(String host, SSLSession session) {
    if (policySessions != null && session.getSessionContext() == policySessions) return true;
    return SessionVerification.verify(verifier, host, session);
  }
}
