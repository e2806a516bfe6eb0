package dev.hardwire.core.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS socket factory that makes every socket with its delegate and passes it to {@link
 * #forward} before handing it out: the one place the many {@code createSocket} overloads are
 * written, for factories that configure or record the sockets they make.
 *
 * <p>It makes no unconnected sockets ({@code createSocket()} keeps SocketFactory's "Unconnected
 * sockets not implemented") unless a subclass overrides that: clients then connect a plain socket
 * and layer TLS over it with the host name, which every provider learns the peer host from.
 */
public abstract class ForwardingSocketFactory extends SSLSocketFactory {
  protected final SSLSocketFactory delegate;

  protected ForwardingSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  /** Configures or records {@code socket}, a TLS socket the delegate made; returns the socket to hand out. */
  protected abstract Socket forward(Socket socket) throws IOException;

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
