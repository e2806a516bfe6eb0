package dev.hardwire.testing;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** MockWebServer on 127.0.0.1 over TLS, and the responses every adapter's tests enqueue. */
public final class LoopbackServers {
  private LoopbackServers() {
  }

  /** A started server on 127.0.0.1 whose TLS sockets come from {@code socketFactory}. */
  public static MockWebServer https(SSLSocketFactory socketFactory) throws IOException {
    MockWebServer server = new MockWebServer();
    server.useHttps(socketFactory);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /** A 200 with {@code body}. */
  public static MockResponse ok(String body) {
    return new MockResponse.Builder().body(body).build();
  }

  /** A redirect with {@code code} to {@code location}. */
  public static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }
}
