package dev.hardwire.benchmarks;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/** One client's handshakes, in memory, against the benchmark server's engine speaking {@code protocol}. */
final class Handshakes {
  private final Pki pki;
  private final ClientTls client;
  private final String protocol;
  private final EnginePair pair = new EnginePair();

  Handshakes(Pki pki, ClientTls client, String protocol) {
    this.pki = pki;
    this.client = client;
    this.protocol = protocol;
  }

  /** A full handshake: to a host name no client has seen, so nothing can be resumed. */
  SSLSession full() throws SSLException {
    return to(Pki.newHost());
  }

  /** A handshake to {@code host}, resumed if the client has a session for it. */
  SSLSession to(String host) throws SSLException {
    return pair.handshakeAndClose(client.engine(host), serverEngine());
  }

  private SSLEngine serverEngine() {
    SSLEngine server = pki.serverContext.createSSLEngine();
    server.setUseClientMode(false);
    server.setEnabledProtocols(new String[] {protocol});
    return server;
  }
}
