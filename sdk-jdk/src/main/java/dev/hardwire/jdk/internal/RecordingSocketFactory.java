package dev.hardwire.jdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The policy's socket factory (policy protocols and suites on every socket), noting which socket a
 * {@link HttpsURLConnection#connect()} on the calling thread created. HttpsURLConnection creates,
 * connects and handshakes a new connection inside {@code connect()}, and creates nothing when it
 * reuses a kept-alive one: so a socket noted during {@code connect()} is a new connection.
 *
 * <p>It makes no unconnected sockets ({@code createSocket()} keeps SocketFactory's "Unconnected
 * sockets not implemented"), so HttpsURLConnection connects a plain socket and layers TLS over it
 * with the host name: BCJSSE's unconnected sockets otherwise learn no peer host, and the verifier
 * cannot check a certificate against a host it is not told.
 */
final class RecordingSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final ThreadLocal<NewConnection> connecting = new ThreadLocal<>();

  RecordingSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  /** Connects {@code connection}; returns the new connection it made, or null if it reused one. */
  NewConnection connect(HttpsURLConnection connection) throws IOException {
    NewConnection created = new NewConnection();
    connecting.set(created);
    try {
      connection.connect();
    } finally {
      connecting.remove();
    }
    return created.socket == null ? null : created.finish();
  }

  private Socket note(Socket socket) {
    NewConnection created = connecting.get();
    if (created != null && created.socket == null) created.start((SSLSocket) socket);
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
    return note(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
    return note(delegate.createSocket(socket, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return note(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return note(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return note(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return note(delegate.createSocket(address, port, localAddress, localPort));
  }

  /**
   * A connection made during one {@code connect()}: its session and how long its TLS took, from
   * layering TLS over the connected socket to the end of {@code connect()} (handshake and host name
   * check).
   */
  static final class NewConnection {
    private SSLSocket socket;
    private long startNanos;
    private Duration duration;

    private void start(SSLSocket socket) {
      this.socket = socket;
      this.startNanos = System.nanoTime();
    }

    private NewConnection finish() {
      duration = Duration.ofNanos(System.nanoTime() - startNanos);
      return this;
    }

    SSLSession session() {
      return socket.getSession();
    }

    Duration duration() {
      return duration;
    }
  }
}
