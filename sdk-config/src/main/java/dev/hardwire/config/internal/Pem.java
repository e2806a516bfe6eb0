package dev.hardwire.config.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM certificates, as trust anchors are written: read strictly, written with 64-column lines. */
final class Pem {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  private Pem() {
  }

  /** Returns the CA certificates in {@code text}, or null after recording what is wrong. */
  static List<X509Certificate> caCertificates(String text, Node node, String what, Problems problems) {
    List<X509Certificate> result = new ArrayList<>();
    Matcher block = BLOCK.matcher(text);
    boolean valid = true;
    while (block.find()) {
      String label = block.group(1);
      if (!label.equals("CERTIFICATE")) {
        problems.at(node, what + " holds a " + label + " block; trust anchors are CERTIFICATE blocks only."
            + (label.contains("PRIVATE KEY") ? " Remove the private key from this file and rotate it: it has been"
                + " shared with everyone who can read the policy." : ""));
        valid = false;
        continue;
      }
      X509Certificate certificate = decode(block.group(2), node, what, problems);
      if (certificate == null) {
        valid = false;
      } else if (certificate.getBasicConstraints() < 0) {
        problems.at(node, what + " holds '" + certificate.getSubjectX500Principal().getName() + "', which is not"
            + " a CA certificate. Trust anchors are the roots of your PKI; to trust one server's key, pin it.");
        valid = false;
      } else {
        result.add(certificate);
      }
    }
    if (valid && result.isEmpty()) {
      problems.at(node, what + " holds no '-----BEGIN CERTIFICATE-----' block.");
    }
    return valid && !result.isEmpty() ? result : null;
  }

  private static X509Certificate decode(String base64, Node node, String what, Problems problems) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      problems.at(node, what + " holds a CERTIFICATE block that is not a valid X.509 certificate.");
      return null;
    }
  }

  static String encode(X509Certificate certificate) {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("A trust anchor cannot be encoded: " + e.getMessage(), e);
    }
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }
}
