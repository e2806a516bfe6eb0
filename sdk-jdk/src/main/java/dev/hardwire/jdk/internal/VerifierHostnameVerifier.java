package dev.hardwire.jdk.internal;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.internal.tls.SessionVerification;
import javax.net.ssl.HostnameVerifier;
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
    return SessionVerification.verify(verifier, host, session);
  }
}
