package dev.hardwire.jdk.internal;

import dev.hardwire.core.internal.tls.ForwardingSocketFactory;
import java.io.IOException;
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
 * <p>It makes no unconnected sockets, so HttpsURLConnection connects a plain socket and layers TLS
 * over it with the host name: BCJSSE's unconnected sockets otherwise learn no peer host, and the
 * verifier cannot check a certificate against a host it is not told.
 */
final class RecordingSocketFactory extends ForwardingSocketFactory {
  private final ThreadLocal<NewConnection> connecting = new ThreadLocal<>();

  RecordingSocketFactory(SSLSocketFactory delegate) {
    super(delegate);
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

  @Override
  protected Socket forward(Socket socket) {
    NewConnection created = connecting.get();
    if (created != null && created.socket == null) created.start((SSLSocket) socket);
    return socket;
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
