package dev.hardwire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain TCP listener on loopback that counts every connection and byte it receives: the proof, in
 * a refusal test, that nothing reached the network.
 */
public final class CleartextTrap implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final Thread acceptor;

  private CleartextTrap(ServerSocket serverSocket) {
    this.serverSocket = serverSocket;
    this.acceptor = new Thread(this::acceptLoop, "CleartextTrap-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static CleartextTrap start() throws IOException {
    return new CleartextTrap(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code scheme://127.0.0.1:port/path}. */
  public String url(String scheme, String path) {
    return scheme + "://127.0.0.1:" + port() + path;
  }

  public int connections() {
    return connections.get();
  }

  public long bytesReceived() {
    return bytes.get();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try (Socket socket = serverSocket.accept()) {
        connections.incrementAndGet();
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) bytes.addAndGet(n);
      } catch (IOException e) {
        // Closed, timed out or reset: the connection is already counted.
      }
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
