package dev.hardwire.core.internal.trust;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@link CertificateChainVerifier} as a JSSE trust manager, for any provider (SunJSSE, Conscrypt,
 * BCJSSE). The host comes from the handshake session, so the verifier checks the name the client
 * connected to; without one the handshake fails, since a chain cannot be trusted for no name.
 */
public final class VerifierTrustManager extends X509ExtendedTrustManager {
  private final CertificateChainVerifier verifier;
  private final X509Certificate[] acceptedIssuers;

  public VerifierTrustManager(CertificateChainVerifier verifier, List<X509Certificate> acceptedIssuers) {
    this.verifier = verifier;
    this.acceptedIssuers = acceptedIssuers.toArray(new X509Certificate[0]);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    SSLSession session = socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
    verifier.verify(Arrays.asList(chain), peerHost(session == null ? null : session.getPeerHost()));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verifier.verify(Arrays.asList(chain), peerHost(engine == null ? null : engine.getPeerHost()));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw noHost();
  }

  private static String peerHost(String host) throws CertificateException {
    if (host == null || host.isEmpty()) throw noHost();
    return host;
  }

  private static CertificateException noHost() {
    return new CertificateRejectedException(Reason.NO_HOSTNAME, "Certificate rejected (NO_HOSTNAME): the connection"
        + " has no host name to verify the certificate against. Create sockets with the host name"
        + " (SSLSocketFactory.createSocket(socket, host, port, true)) or engines with SSLContext.createSSLEngine(host,"
        + " port).");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw clientAuthUnsupported();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw clientAuthUnsupported();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw clientAuthUnsupported();
  }

  private static CertificateException clientAuthUnsupported() {
    return new CertificateException("Hardwire's trust manager verifies servers only; it cannot authenticate clients.");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return acceptedIssuers.clone();
  }
}
