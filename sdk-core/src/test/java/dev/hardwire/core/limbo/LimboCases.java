package dev.hardwire.core.limbo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The x509-limbo test vectors from {@code ../shared/testdata/x509-limbo}, parsed. */
public final class LimboCases {
  static final Path FILE = Paths.get("..", "..", "shared", "testdata", "x509-limbo", "limbo.json.gz");

  private LimboCases() {
  }

  public static JsonNode load() throws IOException {
    if (!Files.exists(FILE)) {
      throw new IllegalStateException("x509-limbo vectors not found at " + FILE.toAbsolutePath().normalize()
          + ": this test expects the shared/ folder beside the repository (as CI lays it out).");
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(FILE), 1 << 16)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** One case, with its certificates parsed (or the parse failure). */
  static final class Case {
    final String id;
    final boolean expectSuccess;
    final String peerName;
    final Instant validationTime;
    final List<X509Certificate> trusted = new ArrayList<>();
    final List<X509Certificate> chain = new ArrayList<>();
    final JsonNode node;
    CertificateException parseFailure;

    Case(JsonNode node) {
      this.node = node;
      this.id = node.get("id").asText();
      this.expectSuccess = "SUCCESS".equals(node.get("expected_result").asText());
      JsonNode name = node.get("expected_peer_name");
      this.peerName = name == null || name.isNull() ? null : name.get("value").asText();
      JsonNode time = node.get("validation_time");
      this.validationTime = time == null || time.isNull() ? null : Instant.parse(time.asText());
      try {
        for (JsonNode pem : node.get("trusted_certs")) trusted.add(parse(pem.asText()));
        chain.add(parse(node.get("peer_certificate").asText()));
        for (JsonNode pem : node.get("untrusted_intermediates")) chain.add(parse(pem.asText()));
      } catch (CertificateException | RuntimeException e) {
        parseFailure = e instanceof CertificateException ? (CertificateException) e : new CertificateException(e);
      }
    }

    boolean isServer() {
      return "SERVER".equals(node.get("validation_kind").asText());
    }

    private static X509Certificate parse(String pem) throws CertificateException {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
  }
}
