package dev.hardwire.testing;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory that offers only the given protocols and cipher suites: a TLS
 * 1.2-only server, a CBC-only server, a server without forward secrecy. For {@code
 * MockWebServer.useHttps(...)}, which wraps accepted sockets with {@code createSocket(socket, host,
 * port, autoClose)}.
 */
public final class RestrictedServerSockets extends ForwardingServerSockets {
  private final String[] protocols;
  private final String[] cipherSuites;

  private RestrictedServerSockets(SSLSocketFactory delegate, String[] protocols, String[] cipherSuites) {
    super(delegate);
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /** {@code delegate}'s sockets limited to {@code protocols} and, if not null, {@code cipherSuites}. */
  public static SSLSocketFactory of(SSLSocketFactory delegate, String[] protocols, String... cipherSuites) {
    return new RestrictedServerSockets(delegate, protocols, cipherSuites.length == 0 ? null : cipherSuites);
  }

  @Override
  SSLSocket accepted(SSLSocket socket) {
    socket.setEnabledProtocols(protocols);
    if (cipherSuites != null) socket.setEnabledCipherSuites(cipherSuites);
    return socket;
  }
}
