package dev.hardwire.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the "after" code of docs/migration/httpurlconnection.md against a TLS 1.2-only gateway,
 * telemetry.example.com, on loopback.
 */
class UrlConnectionTest {
  private static final String DEVICE_KEY = "dev-key-guide";
  private static final byte[] READING = "{\"celsius\": 21.5}".getBytes(StandardCharsets.UTF_8);
  private GuideServer gateway;

  @BeforeEach
  void start() throws IOException {
    gateway = GuideServer.startTls12Only("telemetry.example.com");
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private SecurityPolicy policy() {
    return UrlConnection.After.devicePolicy(DEVICE_KEY).newBuilder().trustAnchors(gateway.roots()).build();
  }

  private String endpoint() {
    return UrlConnection.After.ENDPOINT.replace("telemetry.example.com", "telemetry.example.com:" + gateway.server.getPort());
  }

  @Test
  void afterPostsTheReadingWithTheDeviceKeyOverTls12() throws Exception {
    gateway.server.enqueue(new MockResponse.Builder().code(201).build());

    assertEquals(201, UrlConnection.After.upload(endpoint(), policy(), READING));
    RecordedRequest request = gateway.server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals(DEVICE_KEY, request.getHeaders().get("X-Device-Key"));
    assertEquals("{\"celsius\": 21.5}", request.getBody().utf8());
  }

  @Test
  void withoutTheTls12LineTheGatewayIsRefused() {
    SecurityPolicy tls13Only = policy().newBuilder().minimumTlsVersion(dev.hardwire.core.TlsVersion.TLS_1_3).build();

    assertThrows(SSLException.class, () -> UrlConnection.After.upload(endpoint(), tls13Only, READING));
    assertEquals(0, gateway.server.getRequestCount());
  }

  @Test
  void theOldHttpEndpointIsRefusedBeforeAnyConnection() throws IOException {
    try (CleartextTrap trap = CleartextTrap.start()) {
      String old = UrlConnection.Before.ENDPOINT.replace("telemetry.example.com", "telemetry.example.com:" + trap.port());
      assertThrows(CleartextRefusedException.class, () -> UrlConnection.After.upload(old, policy(), READING));
      assertEquals(0, trap.connections());
    }
  }
}
