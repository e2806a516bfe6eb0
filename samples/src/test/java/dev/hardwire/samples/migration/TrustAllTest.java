package dev.hardwire.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the "after" code of docs/migration/trust-all.md against build.corp.example.com on loopback. */
class TrustAllTest {
  @TempDir Path directory;
  private GuideServer internal;
  private GuideServer impostor;

  @BeforeEach
  void start() throws IOException {
    internal = GuideServer.start("build.corp.example.com");
    impostor = GuideServer.start("build.corp.example.com");   // the right name, from another CA
  }

  @AfterEach
  void stop() {
    internal.close();
    impostor.close();
  }

  @Test
  void privateTrustAnchorAcceptsTheInternalServer() throws Exception {
    internal.server.enqueue(LoopbackServers.ok("green"));
    OkHttpClient client = TrustAll.After.internalClient(TrustAll.After.internalPolicy(internal.caPem(directory)));

    assertEquals("green", get(client, internal.baseUrl()));
  }

  @Test
  void privateTrustAnchorRefusesAServerFromAnotherCa() throws Exception {
    OkHttpClient client = TrustAll.After.internalClient(TrustAll.After.internalPolicy(internal.caPem(directory)));

    assertRefusedBeforeAnyRequest(client, impostor);
  }

  @Test
  void pinsAcceptTheServersKey() throws Exception {
    internal.server.enqueue(LoopbackServers.ok("green"));
    SecurityPolicy policy = TrustAll.After.pinnedPolicy(internal.caPem(directory)).newBuilder()
        .pin("build.corp.example.com", internal.leafPin(), "sha256/ELwJUa7o0KAtsMfA7PS/Hzb7gzZY9GmL/2IlkQaxH+E=")
        .build();

    assertEquals("green", get(TrustAll.After.internalClient(policy), internal.baseUrl()));
  }

  @Test
  void pinsRefuseAnotherKeyFromTheSameCa() throws Exception {
    OkHttpClient client = TrustAll.After.internalClient(TrustAll.After.pinnedPolicy(internal.caPem(directory)));

    assertRefusedBeforeAnyRequest(client, internal);
  }

  @Test
  void aSelfSignedCertificateMarkedAsCaIsItsOwnTrustAnchor() throws Exception {
    HeldCertificate selfSigned = new HeldCertificate.Builder()
        .certificateAuthority(0)
        .addSubjectAlternativeName("build.corp.example.com")
        .build();
    try (MockWebServer server = LoopbackServers.https(serverCertificates(selfSigned))) {
      server.enqueue(LoopbackServers.ok("green"));
      Path pem = Files.writeString(directory.resolve("server.pem"), selfSigned.certificatePem());
      OkHttpClient client = TrustAll.After.internalClient(TrustAll.After.internalPolicy(pem));

      assertEquals("green", get(client, "https://build.corp.example.com:" + server.getPort()));
    }
  }

  @Test
  void aSelfSignedCertificateNotMarkedAsCaIsRefused() throws Exception {
    HeldCertificate selfSigned = new HeldCertificate.Builder()
        .addSubjectAlternativeName("build.corp.example.com")
        .build();
    try (MockWebServer server = LoopbackServers.https(serverCertificates(selfSigned))) {
      Path pem = Files.writeString(directory.resolve("server.pem"), selfSigned.certificatePem());
      OkHttpClient client = TrustAll.After.internalClient(TrustAll.After.internalPolicy(pem));

      SSLException refused = assertThrows(SSLException.class,
          () -> get(client, "https://build.corp.example.com:" + server.getPort()));
      assertTrue(refused.getMessage().contains("NOT_A_CA"), refused.getMessage());
      assertEquals(0, server.getRequestCount());
    }
  }

  private static void assertRefusedBeforeAnyRequest(OkHttpClient client, GuideServer server) {
    assertThrows(SSLException.class, () -> get(client, server.baseUrl()));
    assertEquals(0, server.server.getRequestCount());
  }

  private static SSLSocketFactory serverCertificates(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory();
  }

  private static String get(OkHttpClient client, String baseUrl) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(baseUrl + "/health").build()).execute()) {
      return response.body().string();
    }
  }
}
