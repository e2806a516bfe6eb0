package dev.hardwire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory that keeps every TLS socket it made, so a test can see each
 * connection's session from the server's side: a provider-neutral view of session resumption. A
 * JSSE server gives a resumed session the creation time of the session it resumes, and a new one
 * its own. For {@code MockWebServer.useHttps(...)}.
 */
public final class ServerSessions extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final List<SSLSocket> sockets = new CopyOnWriteArrayList<>();

  private ServerSessions(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  /** Records the sockets {@code delegate} (a JSSE server's factory) makes. */
  public static ServerSessions recording(SSLSocketFactory delegate) {
    return new ServerSessions(delegate);
  }

  /** The creation time of each connection's session, in accept order; equal times mean resumption. */
  public List<Long> creationTimes() {
    List<Long> result = new ArrayList<>();
    for (SSLSocket socket : sockets) {
      SSLSession session = socket.getSession();
      result.add(session.getCreationTime());
    }
    return result;
  }

  private Socket record(Socket socket) {
    sockets.add((SSLSocket) socket);
    return socket;
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
    return record(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
    return record(delegate.createSocket(socket, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return record(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return record(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return record(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return record(delegate.createSocket(address, port, localAddress, localPort));
  }
}
