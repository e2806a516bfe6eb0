package dev.hardwire.audit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS and HTTP on loopback: JSSE servers per case for https, MockWebServer for http. */
class EndpointCheckerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static HeldCertificate root;
  private static HandshakeCertificates serverCertificates;

  @TempDir static Path dir;
  private static Path anchors;
  private final MockWebServer http = new MockWebServer();

  @BeforeAll
  static void pki() throws IOException {
    root = new HeldCertificate.Builder().certificateAuthority(0).commonName("test root").build();
    HeldCertificate leaf = new HeldCertificate.Builder().signedBy(root)
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
        .duration(90, TimeUnit.DAYS).build();
    serverCertificates = new HandshakeCertificates.Builder()
        .heldCertificate(leaf, root.certificate()).build();
    anchors = dir.resolve("anchors.pem");
    Files.writeString(anchors, root.certificatePem());
  }

  @BeforeEach
  void startHttp() throws IOException {
    http.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stopHttp() {
    http.close();
  }

  @Test
  void modernServerWithHstsAndAnHttpRedirectOnlyWarns() throws Exception {
    http.enqueue(new MockResponse.Builder().code(301)
        .addHeader("Location", "https://127.0.0.1/api").build());
    try (TlsServer https = new TlsServer(serverCertificates.sslContext(),
        "Strict-Transport-Security: max-age=63072000\r\n", "TLSv1.3", "TLSv1.2")) {
      CheckResult result = new EndpointChecker(anchors, TIMEOUT, Clock.systemUTC())
          .check("https://127.0.0.1:" + https.port() + "/api?token=s3cret", 443, http.getPort());
      assertEquals("not offered", result.versions().get("TLSv1"));
      assertEquals("not offered", result.versions().get("TLSv1.1"));
      assertTrue(result.versions().get("TLSv1.2").startsWith("offered TLS_"), result::toString);
      assertTrue(result.versions().get("TLSv1.3").startsWith("offered TLS_"), result::toString);
      assertTrue(result.negotiated().startsWith("TLSv1.3 TLS_"), result::toString);
      assertNull(result.chainProblem());
      assertTrue(result.daysUntilExpiry() >= 88 && result.daysUntilExpiry() <= 90);
      assertEquals("max-age=63072000", result.hsts(), result::toString);
      assertEquals("redirects to https", result.cleartext());
      assertFalse(result.failed(), result::toString);
      assertTrue(result.problems().get(0).text().contains("leaked it before the redirect"));
      assertEquals("https://127.0.0.1:" + https.port() + "/api?token=***", result.target());
    }
    RecordedRequest request = http.takeRequest();
    assertEquals("HEAD /api HTTP/1.1", request.getRequestLine(), "no query over cleartext");
    assertNull(request.getHeaders().get("Authorization"));
    assertEquals(1, http.getRequestCount());
  }

  @Test
  void legacyVersionsAreFoundInAChildJvmAndThisJvmIsNotWeakened() throws Exception {
    String before = Security.getProperty("jdk.tls.disabledAlgorithms");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TlsServer https = new TlsServer(serverCertificates.sslContext(), "",
        "TLSv1.2", "TLSv1.1", "TLSv1")) {
      // No anchors: the platform roots do not trust the test root, yet the versions show.
      CheckResult result = new EndpointChecker(null, TIMEOUT, Clock.systemUTC())
          .check("https://127.0.0.1:" + https.port() + "/", 443, closedPort);
      assertTrue(result.versions().get("TLSv1").startsWith("offered"), result::toString);
      assertTrue(result.versions().get("TLSv1.1").startsWith("offered"), result::toString);
      assertEquals("not offered", result.versions().get("TLSv1.3"));
      assertNotNull(result.chainProblem());
      assertNull(result.hsts(), "nothing is sent over an untrusted connection");
      assertEquals(0, https.requests.get());
      assertEquals("refused", result.cleartext());
      assertTrue(result.failed());
      List<String> problems = result.problems().stream().map(Problem::text).toList();
      assertTrue(problems.stream().anyMatch(p -> p.startsWith("TLSv1 is offered")),
          problems::toString);
      assertTrue(problems.stream()
          .anyMatch(p -> p.startsWith("the certificate chain is not trusted")));
    }
    assertEquals(before, Security.getProperty("jdk.tls.disabledAlgorithms"));
  }

  @Test
  void cleartextThatServesContentIsAFindingAndReportedAsJson() throws Exception {
    http.enqueue(new MockResponse.Builder().code(200).body("hello").build());
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CheckResult result = new EndpointChecker(anchors, TIMEOUT, Clock.systemUTC())
        .check("http://127.0.0.1:" + http.getPort() + "/status", closedPort, 80);
    assertEquals("serves content (200)", result.cleartext());
    assertNull(result.negotiated());
    assertTrue(result.failed());
    StringWriter json = new StringWriter();
    CheckReport.writeJson(List.of(result), json);
    JsonNode endpoint = new ObjectMapper().readTree(json.toString()).get("endpoints").get(0);
    assertEquals("serves content (200)", endpoint.get("http").asText());
    assertFalse(endpoint.get("chainTrusted").asBoolean());
    assertEquals("finding", endpoint.get("problems").get(0).get("severity").asText());
    assertEquals("HEAD /status HTTP/1.1", http.takeRequest().getRequestLine());
  }
}
