package dev.hardwire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory that hands every socket its delegate makes to {@link #accepted}: the
 * base of the test servers' socket factories, for {@code MockWebServer.useHttps(...)}, which wraps
 * accepted sockets with {@code createSocket(socket, host, port, autoClose)}.
 */
abstract class ForwardingServerSockets extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  ForwardingServerSockets(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  /** Configures or records {@code socket}, a TLS socket of the delegate's; returns it. */
  abstract SSLSocket accepted(SSLSocket socket);

  private Socket forward(Socket socket) {
    return accepted((SSLSocket) socket);
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
    return forward(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
    return forward(delegate.createSocket(socket, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return forward(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return forward(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return forward(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return forward(delegate.createSocket(address, port, localAddress, localPort));
  }
}
