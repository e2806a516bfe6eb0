package dev.hardwire.android.internal;

import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockWebServer;

/** Loopback TLS servers for the Android tests. */
public final class LoopbackServers {
  private LoopbackServers() {
  }

  /** A started MockWebServer on 127.0.0.1 presenting {@code pki}'s leaf and intermediate. */
  public static MockWebServer https(TestPki pki) throws IOException {
    MockWebServer server = new MockWebServer();
    server.useHttps(pki.serverCertificates().sslSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }
}
