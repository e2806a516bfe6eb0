package dev.hardwire.audit.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS handshakes limited to chosen versions. The trust manager verifies as usual (PKIX and
 * hostname against the platform roots or the given anchors) and also records the version,
 * suite and chain the server chose before it decides, so a handshake that fails on trust still
 * tells which version the server offered. Nothing is ever trusted that the platform would not.
 */
final class TlsProbe {
  private final X509ExtendedTrustManager trust;
  private final int timeoutMillis;

  TlsProbe(List<X509Certificate> anchors, int timeoutMillis) throws GeneralSecurityException {
    this.trust = trustManager(anchors);
    this.timeoutMillis = timeoutMillis;
  }

  /** A handshake offering only {@code protocols}; never throws. */
  Handshake handshake(String host, int port, String... protocols) {
    Recorder recorder = new Recorder(trust);
    try (SSLSocket socket = open(host, port, recorder, protocols)) {
      socket.startHandshake();
      SSLSession session = socket.getSession();
      return new Handshake(session.getProtocol(), session.getCipherSuite(), recorder.chain, null,
          null);
    } catch (IOException | GeneralSecurityException e) {
      return recorder.outcome(e);
    }
  }

  /**
   * Sends {@code HEAD path} over a trusted connection and returns the
   * {@code Strict-Transport-Security} header, or null if there is none.
   */
  String hsts(String host, int port, String path) throws IOException, GeneralSecurityException {
    try (SSLSocket socket = open(host, port, new Recorder(trust), null)) {
      socket.startHandshake();
      HttpHead head = HttpHead.exchange(socket, host, port, 443, path);
      return head.header("strict-transport-security");
    }
  }

  private SSLSocket open(String host, int port, Recorder recorder, String[] protocols)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {recorder}, null);
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(host, port), timeoutMillis);
    plain.setSoTimeout(timeoutMillis);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (protocols != null) {
      parameters.setProtocols(protocols);
    }
    socket.setSSLParameters(parameters);
    return socket;
  }

  private static X509ExtendedTrustManager trustManager(List<X509Certificate> anchors)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (anchors == null) {
      factory.init((KeyStore) null);
    } else {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        store.load(null, null);
      } catch (IOException e) {
        throw new GeneralSecurityException("cannot create an empty key store", e);
      }
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("anchor-" + i, anchors.get(i));
      }
      factory.init(store);
    }
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager) {
        return (X509ExtendedTrustManager) manager;
      }
    }
    throw new GeneralSecurityException("no X509ExtendedTrustManager in " + factory.getProvider());
  }

  /** Delegates every decision; records what the server chose on the way. */
  private static final class Recorder extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private String protocol;
    private String cipherSuite;
    private List<X509Certificate> chain = List.of();
    private String trustProblem;

    Recorder(X509ExtendedTrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws CertificateException {
      SSLSession session = ((SSLSocket) socket).getHandshakeSession();
      if (session != null) {
        protocol = session.getProtocol();
        cipherSuite = session.getCipherSuite();
      }
      chain = List.of(certificates);
      try {
        delegate.checkServerTrusted(certificates, authType, socket);
      } catch (CertificateException e) {
        trustProblem = e.getMessage();
        throw e;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("the probe uses sockets only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("the probe needs the socket to check the hostname");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("the probe is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("the probe is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("the probe is a client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }

    Handshake outcome(Exception e) {
      if (protocol != null) {
        return new Handshake(protocol, cipherSuite, chain, trustProblem,
            trustProblem == null ? String.valueOf(e.getMessage()) : null);
      }
      return new Handshake(null, null, chain, null, String.valueOf(e.getMessage()));
    }
  }
}
