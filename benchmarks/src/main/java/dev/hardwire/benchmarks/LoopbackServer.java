package dev.hardwire.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A minimal server on 127.0.0.1 in the benchmark's JVM, plain or TLS (JDK provider), a thread per
 * connection from a reused pool, TCP_NODELAY on every connection. It speaks just enough for the
 * benchmarks: a one-byte echo, or HTTP/1.1 keep-alive GETs of a fixed body. It lives as long as
 * the benchmark state that opened it.
 */
final class LoopbackServer implements Closeable {
  /** The small body: a typical JSON answer's size. */
  static final byte[] SMALL_BODY = "{\"id\":42,\"name\":\"hardwire\",\"ok\":true}".getBytes(StandardCharsets.US_ASCII);
  /** The large body, served for paths that start with {@code /1m}. */
  static final byte[] MIB_BODY = new byte[1 << 20];

  /** What the server does with each accepted connection. */
  interface Handler {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "loopback-server");
    thread.setDaemon(true);
    return thread;
  });

  private LoopbackServer(ServerSocket serverSocket, Handler handler) {
    this.serverSocket = serverSocket;
    this.handler = handler;
    Thread acceptor = new Thread(this::acceptLoop, "loopback-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static LoopbackServer plain(Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    return new LoopbackServer(socket, handler);
  }

  /** A TLS server on {@code context} that speaks only {@code protocols} (null: the JDK's defaults). */
  static LoopbackServer tls(SSLContext context, String[] protocols, Handler handler) throws IOException {
    SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 128, InetAddress.getLoopbackAddress());
    if (protocols != null) socket.setEnabledProtocols(protocols);
    return new LoopbackServer(socket, handler);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
      } catch (IOException e) {
        continue;
      }
      connections.execute(() -> {
        try (Socket connection = socket) {
          handler.serve(connection);
        } catch (IOException e) {
          // The client went away: the next connection is all that matters.
        }
      });
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    connections.shutdownNow();
  }

  /** Echoes every byte until the client closes: one round trip per byte the client writes. */
  static void echo(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      out.write(b);
      out.flush();
    }
  }

  /** HTTP/1.1 keep-alive: answers each GET with {@link #MIB_BODY} for /1m paths, else {@link #SMALL_BODY}. */
  static void http(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    byte[] smallHead = head(SMALL_BODY.length);
    byte[] mibHead = head(MIB_BODY.length);
    String target;
    while ((target = readRequestTarget(in)) != null) {
      boolean mib = target.startsWith("/1m");
      out.write(mib ? mibHead : smallHead);
      out.write(mib ? MIB_BODY : SMALL_BODY);
      out.flush();
    }
  }

  private static byte[] head(int contentLength) {
    return ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + contentLength
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one request head (GETs only: no body) and returns its target, or null at end of stream. */
  private static String readRequestTarget(InputStream in) throws IOException {
    StringBuilder requestLine = new StringBuilder();
    boolean inRequestLine = true;
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      if (inRequestLine) {
        if (b == '\r' || b == '\n') {
          inRequestLine = false;
        } else {
          requestLine.append((char) b);
        }
      }
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        String[] parts = requestLine.toString().split(" ");
        return parts.length > 1 ? parts[1] : "/";
      }
    }
    return null;
  }
}
