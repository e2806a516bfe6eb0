package dev.hardwire.jdk.internal;

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
 * HttpsURLConnection's host check, answered by the verifier. HttpsURLConnection asks a custom
 * verifier only when its own check of the URL's host failed; the verifier's trust manager already
 * checked the host (without CN fallback) during the handshake, so this returns true only if the
 * verifier accepts the chain for {@code host} too: both checks must pass, neither can loosen the
 * other.
 */
final class VerifierHostnameVerifier implements HostnameVerifier {
  private final CertificateChainVerifier verifier;

  VerifierHostnameVerifier(CertificateChainVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public boolean verify(String host, SSLSession session) {
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
