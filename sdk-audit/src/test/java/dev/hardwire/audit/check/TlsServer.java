package dev.hardwire.audit.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A JSSE server on loopback that offers exactly the given TLS versions and answers every request
 * with 200 and the given extra header lines. Counts the requests it read.
 */
final class TlsServer implements AutoCloseable {
  private final SSLServerSocket serverSocket;
  private final String extraHeaders;
  final AtomicInteger requests = new AtomicInteger();

  TlsServer(SSLContext context, String extraHeaders, String... protocols) throws IOException {
    this.serverSocket = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.serverSocket.setEnabledProtocols(protocols);
    this.extraHeaders = extraHeaders;
    Thread thread = new Thread(this::serve, "tls-server");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  private void serve() {
    while (!serverSocket.isClosed()) {
      try (Socket socket = serverSocket.accept()) {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        if (matched == 4) {
          requests.incrementAndGet();
          OutputStream out = socket.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\n" + extraHeaders + "Content-Length: 0\r\n"
              + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException e) {
        // a probe that stops after the handshake, or a refused version: next connection
      }
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
