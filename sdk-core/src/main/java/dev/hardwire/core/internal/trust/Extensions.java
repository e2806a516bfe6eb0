package dev.hardwire.core.internal.trust;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extension values of the certificates one validation looks at, each certificate's read from
 * its DER once. JDK 17's {@code X509Certificate.getExtensionValue} resolves an attribute name and
 * searches the extensions on every call (about 2 us), and a validation asks for the same few
 * extensions of the same certificates dozens of times: measured, half of the verifier's time. Not
 * thread-safe: one instance per validation.
 */
final class Extensions {
  /** Marks a certificate whose extensions this reader cannot parse: the platform answers for it. */
  private static final Map<String, byte[]> ASK_THE_PLATFORM = Collections.emptyMap();

  private final Map<X509Certificate, Map<String, byte[]>> values = new IdentityHashMap<>();

  /**
   * What {@code certificate.getExtensionValue(oid)} returns: the extension's DER-encoded OCTET
   * STRING, or null if the certificate has no such extension. Callers must not modify it.
   */
  byte[] value(X509Certificate certificate, String oid) {
    Map<String, byte[]> extensions = values.get(certificate);
    if (extensions == null) {
      extensions = read(certificate);
      values.put(certificate, extensions);
    }
    return extensions == ASK_THE_PLATFORM ? certificate.getExtensionValue(oid) : extensions.get(oid);
  }

  private static Map<String, byte[]> read(X509Certificate certificate) {
    try {
      Map<String, byte[]> result = new HashMap<>();
      for (Der.Element field : Der.parse(certificate.getTBSCertificate()).children()) {
        if (field.tag != 0xa3) continue;
        for (Der.Element extension : Der.parse(field.content()).children()) {
          // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
          List<Der.Element> parts = extension.children();
          Der.Element value = parts.get(parts.size() - 1);
          if (parts.size() < 2 || value.tag != Der.OCTET_STRING) throw new IllegalArgumentException("not an Extension");
          result.put(parts.get(0).oid(), value.encoded());
        }
      }
      return result;
    } catch (CertificateEncodingException | IllegalArgumentException | IndexOutOfBoundsException e) {
      return ASK_THE_PLATFORM;
    }
  }
}
