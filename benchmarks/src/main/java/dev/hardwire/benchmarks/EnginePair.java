package dev.hardwire.benchmarks;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * A client and a server engine talking through memory on one thread: the cost of TLS itself,
 * without sockets or thread wake-ups. The buffers are reused, so allocation per handshake is the
 * engines' own.
 */
final class EnginePair {
  private static final int BUFFER = 1 << 16;
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  private static final int MAX_ROUNDS = 64;

  private final ByteBuffer clientToServer = ByteBuffer.allocate(BUFFER);
  private final ByteBuffer serverToClient = ByteBuffer.allocate(BUFFER);
  private final ByteBuffer application = ByteBuffer.allocate(BUFFER);

  /**
   * Runs a full exchange: handshake (including TLS 1.3 session tickets), then close_notify both
   * ways. Returns the client's session.
   *
   * @throws SSLException if the handshake fails or does not finish
   */
  SSLSession handshakeAndClose(SSLEngine client, SSLEngine server) throws SSLException {
    clientToServer.clear();
    serverToClient.clear();
    client.beginHandshake();
    server.beginHandshake();
    pump(client, server, false);
    SSLSession session = client.getSession();
    client.closeOutbound();
    server.closeOutbound();
    pump(client, server, true);
    return session;
  }

  private void pump(SSLEngine client, SSLEngine server, boolean closing) throws SSLException {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      wrap(client, clientToServer, closing);
      wrap(server, serverToClient, closing);
      unwrap(server, clientToServer);
      unwrap(client, serverToClient);
      // Each close_notify was offered to the peer in the round that wrapped it; an engine that has
      // closed its own side may leave the peer's unread (BCJSSE does), as a closed socket would.
      boolean done = closing
          ? client.isOutboundDone() && server.isOutboundDone()
          : idle(client) && idle(server) && clientToServer.position() == 0 && serverToClient.position() == 0;
      if (done) return;
    }
    throw new SSLException("the exchange did not finish in " + MAX_ROUNDS + " rounds: client "
        + client.getHandshakeStatus() + ", server " + server.getHandshakeStatus() + (closing ? " (closing)" : ""));
  }

  private static boolean idle(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  /** Wraps what the engine has to send; while closing, its close_notify (some engines do not ask). */
  private static void wrap(SSLEngine engine, ByteBuffer out, boolean closing) throws SSLException {
    while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP || (closing && !engine.isOutboundDone())) {
      SSLEngineResult result = engine.wrap(EMPTY, out);
      runTasks(engine);
      if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesProduced() == 0) return;
    }
  }

  private void unwrap(SSLEngine engine, ByteBuffer in) throws SSLException {
    in.flip();
    try {
      while (in.hasRemaining()) {
        application.clear();
        SSLEngineResult result = engine.unwrap(in, application);
        runTasks(engine);
        if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) return;
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) return;
      }
    } finally {
      in.compact();
    }
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) task.run();
  }
}
