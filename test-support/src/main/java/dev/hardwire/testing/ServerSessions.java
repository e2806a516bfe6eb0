package dev.hardwire.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory that keeps every TLS socket it made, so a test can see each
 * connection's session from the server's side: a provider-neutral view of session resumption. A
 * JSSE server gives a resumed session the creation time of the session it resumes, and a new one
 * its own. For {@code MockWebServer.useHttps(...)}.
 */
public final class ServerSessions extends ForwardingServerSockets {
  private final List<SSLSocket> sockets = new CopyOnWriteArrayList<>();

  private ServerSessions(SSLSocketFactory delegate) {
    super(delegate);
  }

  /** Records the sockets {@code delegate} (a JSSE server's factory) makes. */
  public static ServerSessions recording(SSLSocketFactory delegate) {
    return new ServerSessions(delegate);
  }

  /** The creation time of each connection's session, in accept order; equal times mean resumption. */
  public List<Long> creationTimes() {
    List<Long> result = new ArrayList<>();
    for (SSLSocket socket : sockets) result.add(socket.getSession().getCreationTime());
    return result;
  }

  @Override
  SSLSocket accepted(SSLSocket socket) {
    sockets.add(socket);
    return socket;
  }
}
