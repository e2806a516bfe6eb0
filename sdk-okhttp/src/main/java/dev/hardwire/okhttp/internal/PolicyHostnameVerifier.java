package dev.hardwire.okhttp.internal;

import dev.hardwire.core.CertificateChainVerifier;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
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
