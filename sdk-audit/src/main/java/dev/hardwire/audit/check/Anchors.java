package dev.hardwire.audit.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Trust anchors from a PEM file, for servers on a private PKI (and loopback test servers). */
final class Anchors {
  private Anchors() {
  }

  static List<X509Certificate> read(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<X509Certificate> anchors = new ArrayList<>();
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        anchors.add((X509Certificate) certificate);
      }
      if (anchors.isEmpty()) {
        throw new IOException("no certificate in " + pem + ": give a PEM file of CA certificates");
      }
      return anchors;
    } catch (CertificateException e) {
      throw new IOException("cannot read certificates from " + pem + " (" + e.getMessage()
          + "): give a PEM file of CA certificates", e);
    }
  }
}
