package dev.hardwire.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;

/**
 * A plain JSSE echo server on loopback that counts what reached it: completed handshakes and
 * application bytes. A refused handshake must leave {@link #applicationBytes()} at zero.
 */
final class LoopbackTlsServer implements AutoCloseable {
  private final SSLServerSocket serverSocket;
  private final Thread acceptor;
  private final AtomicInteger handshakes = new AtomicInteger();
  private final AtomicInteger connectionsDone = new AtomicInteger();
  private final AtomicLong applicationBytes = new AtomicLong();

  private LoopbackTlsServer(HandshakeCertificates certificates, String protocol) throws IOException {
    serverSocket = (SSLServerSocket) certificates.sslContext().getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serverSocket.setEnabledProtocols(new String[] {protocol});
    acceptor = new Thread(this::acceptAll, "LoopbackTlsServer-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Serves {@code certificates} (leaf and chain) with {@code protocol}, such as {@code TLSv1.3}. */
  static LoopbackTlsServer start(HandshakeCertificates certificates, String protocol) throws IOException {
    return new LoopbackTlsServer(certificates, protocol);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  int handshakes() {
    return handshakes.get();
  }

  long applicationBytes() {
    return applicationBytes.get();
  }

  /** Waits until {@code count} connections have ended on the server's side. */
  void awaitConnectionsDone(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (connectionsDone.get() < count) {
      if (System.nanoTime() > deadline) throw new AssertionError("only " + connectionsDone + " connections ended");
      Thread.sleep(5);
    }
  }

  private void acceptAll() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        Thread handler = new Thread(() -> echo((SSLSocket) socket), acceptor.getName() + "-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void echo(SSLSocket socket) {
    try (SSLSocket s = socket) {
      s.setSoTimeout(10_000);
      s.startHandshake();
      handshakes.incrementAndGet();
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      byte[] buffer = new byte[1024];
      for (int read; (read = in.read(buffer)) != -1; ) {
        applicationBytes.addAndGet(read);
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException expectedWhenTheClientRefuses) {
      // The client aborted the handshake, or closed the connection.
    } finally {
      connectionsDone.incrementAndGet();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    serverSocket.close();
    acceptor.join(10_000);
  }
}
