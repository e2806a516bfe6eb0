package dev.hardwire.samples.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reading a private CA's root certificates, which several guides need. */
public final class PrivateCa {
  private PrivateCa() {
  }

  // snippet:read-ca-certificates
  /** The certificates in a PEM file, such as an internal CA's root ({@code ca.pem}). */
  static List<X509Certificate> readCertificates(Path pemFile) throws IOException, CertificateException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pemFile)) {
      for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) c);
      }
    }
    return certificates;
  }
  // end-snippet
}
