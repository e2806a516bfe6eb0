package dev.hardwire.testing;

import dev.hardwire.core.internal.tls.ForwardingSocketFactory;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory that hands every socket its delegate makes to {@link #accepted}: the
 * base of the test servers' socket factories, for {@code MockWebServer.useHttps(...)}, which wraps
 * accepted sockets with {@code createSocket(socket, host, port, autoClose)}.
 */
abstract class ForwardingServerSockets extends ForwardingSocketFactory {
  ForwardingServerSockets(SSLSocketFactory delegate) {
    super(delegate);
  }

  /** Configures or records {@code socket}, a TLS socket of the delegate's; returns it. */
  abstract SSLSocket accepted(SSLSocket socket);

  @Override
  protected Socket forward(Socket socket) {
    return accepted((SSLSocket) socket);
  }
}
