package dev.hardwire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory that offers only the given protocols and cipher suites: a TLS
 * 1.2-only server, a CBC-only server, a server without forward secrecy. For {@code
 * MockWebServer.useHttps(...)}, which wraps accepted sockets with {@code createSocket(socket, host,
 * port, autoClose)}.
 */
public final class RestrictedServerSockets extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final String[] protocols;
  private final String[] cipherSuites;

  private RestrictedServerSockets(SSLSocketFactory delegate, String[] protocols, String[] cipherSuites) {
    this.delegate = delegate;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /** {@code delegate}'s sockets limited to {@code protocols} and, if not null, {@code cipherSuites}. */
  public static SSLSocketFactory of(SSLSocketFactory delegate, String[] protocols, String... cipherSuites) {
    return new RestrictedServerSockets(delegate, protocols, cipherSuites.length == 0 ? null : cipherSuites);
  }

  private Socket restrict(Socket socket) {
    SSLSocket ssl = (SSLSocket) socket;
    ssl.setEnabledProtocols(protocols);
    if (cipherSuites != null) ssl.setEnabledCipherSuites(cipherSuites);
    return ssl;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return restrict(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
    return restrict(delegate.createSocket(socket, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return restrict(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return restrict(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return restrict(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return restrict(delegate.createSocket(address, port, localAddress, localPort));
  }
}
