package dev.hardwire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * Two started HTTPS servers that a client sees as two hosts: {@link #a} reached as {@code
 * localhost}, {@link #b} as {@code 127.0.0.1}. For redirects and credentials across origins.
 */
public final class TwoOrigins implements AutoCloseable {
  public final MockWebServer a;
  public final MockWebServer b;

  private TwoOrigins(MockWebServer a, MockWebServer b) {
    this.a = a;
    this.b = b;
  }

  /** Starts both servers with {@code socketFactory}'s certificate; a field initializer may call it. */
  public static TwoOrigins start(SSLSocketFactory socketFactory) {
    try {
      return new TwoOrigins(LoopbackServers.https(socketFactory), LoopbackServers.https(socketFactory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code path} on server a, as {@code https://localhost:port/path}. */
  public String aUrl(String path) {
    return "https://localhost:" + a.getPort() + path;
  }

  /** {@code path} on server b, as {@code https://127.0.0.1:port/path}. */
  public String bUrl(String path) {
    return "https://127.0.0.1:" + b.getPort() + path;
  }

  @Override
  public void close() {
    a.close();
    b.close();
  }
}
