package dev.hardwire.samples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./demo --url}, against a server on loopback: this machine has no internet. */
class UrlCheckTest {
  private final TestPki pki = TestPki.create();
  private MockWebServer server;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @BeforeEach
  void startServer() throws IOException {
    server = LoopbackServers.https(pki.serverCertificates().sslSocketFactory());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void passesWhenHttpsWorksAndHttpIsRefusedBeforeAnyConnection() {
    server.enqueue(LoopbackServers.ok("up"));
    assertTrue(check("http://localhost:" + server.getPort() + "/health?key=secret", pki.policyBuilder().build()),
        output());
    assertTrue(output().contains("GET https://localhost:" + server.getPort() + "/health\n"), output());
    assertTrue(output().contains("TLS version            TLSv1.3"), output());
    assertTrue(output().contains("network                0 DNS lookups, 0 connections"), output());
    assertTrue(output().contains("PASS: localhost works over https://"), output());
    assertTrue(output().contains("test policy, 1 trusted root of its own (trustAnchors)"), output());
    assertFalse(output().contains("secret"), "the query string may hold a secret\n" + output());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void failsWhenThePlatformDoesNotTrustTheServer() {
    assertFalse(check("https://localhost:" + server.getPort() + "/", SecurityPolicy.strict()));
    assertTrue(output().contains("REFUSED by the policy:"), output());
    assertTrue(output().contains("FAIL: the https:// URL did not work with this policy"), output());
    assertTrue(output().contains("test policy, the platform's trusted roots"), output());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void saysPlainlyWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertFalse(check("https://127.0.0.1:" + closedPort + "/", pki.policyBuilder().build()));
    assertTrue(output().contains("FAILED: could not connect to 127.0.0.1:" + closedPort), output());
    assertTrue(output().contains("Is the server up"), output());
  }

  @Test
  void refusesSomethingThatIsNotAUrl() {
    assertFalse(check("example.com", SecurityPolicy.strict()));
    assertTrue(output().contains("Give an https:// URL"), output());
  }

  private boolean check(String url, SecurityPolicy policy) {
    return UrlCheck.run(url, policy, "test policy", new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
