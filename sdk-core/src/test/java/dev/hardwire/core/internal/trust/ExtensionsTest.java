package dev.hardwire.core.internal.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardwire.core.TestCertificates;
import dev.hardwire.core.limbo.LimboCases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
  /** OIDs no certificate here carries, and ones that differ from common OIDs in one arc. */
  private static final String[] ABSENT = {"2.5.29.99", "1.3.6.1.5.5.7.1.99", "2.5.29.1", "1.2.3.4.5.6.7.8.9.10"};

  /**
   * The reader answers exactly what the platform answers, for every extension of every
   * certificate of the x509-limbo vectors (well-formed, odd and malformed alike) and for absent ones.
   */
  @Test
  void answersAsThePlatformForEveryLimboCertificate() throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Set<String> seen = new HashSet<>();
    int compared = 0;
    for (JsonNode testcase : LimboCases.load().get("testcases")) {
      List<String> pems = new ArrayList<>();
      testcase.get("trusted_certs").forEach(pem -> pems.add(pem.asText()));
      testcase.get("untrusted_intermediates").forEach(pem -> pems.add(pem.asText()));
      pems.add(testcase.get("peer_certificate").asText());
      for (String pem : pems) {
        if (!seen.add(pem)) continue;
        X509Certificate certificate;
        try {
          certificate = (X509Certificate) factory.generateCertificate(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
          continue;
        }
        compared += assertSameAnswers(certificate);
      }
    }
    assertTrue(compared > 10000, "compared " + compared + " extension values");
  }

  @Test
  void answersAsThePlatformForGeneratedChains() {
    TestCertificates.Issued root = TestCertificates.ca("Root").build();
    TestCertificates.Issued intermediate = TestCertificates.ca("Intermediate").issuedBy(root).build();
    TestCertificates.Issued leaf = TestCertificates.leaf("www.example.com").issuedBy(intermediate).build();
    for (TestCertificates.Issued issued : new TestCertificates.Issued[] {root, intermediate, leaf}) {
      assertSameAnswers(issued.certificate());
    }
  }

  @Test
  void readsEachCertificateOnceAndAnswersFromMemory() {
    X509Certificate certificate = TestCertificates.ca("Root").build().certificate();
    Extensions extensions = new Extensions();
    byte[] first = extensions.value(certificate, "2.5.29.19");
    assertTrue(first == extensions.value(certificate, "2.5.29.19"), "the same array, not a new read");
  }

  private static int assertSameAnswers(X509Certificate certificate) {
    Extensions extensions = new Extensions();
    Set<String> oids = new HashSet<>();
    if (certificate.getCriticalExtensionOIDs() != null) oids.addAll(certificate.getCriticalExtensionOIDs());
    if (certificate.getNonCriticalExtensionOIDs() != null) oids.addAll(certificate.getNonCriticalExtensionOIDs());
    for (String oid : oids) {
      assertArrayEquals(certificate.getExtensionValue(oid), extensions.value(certificate, oid), oid);
    }
    for (String oid : ABSENT) {
      if (!oids.contains(oid)) assertEquals(null, extensions.value(certificate, oid), oid);
    }
    return oids.size();
  }
}
