package dev.hardwire.core;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;

/** SKELETON: being implemented. */
public final class CertificateChainVerifier {
  private CertificateChainVerifier() {
  }

  public static CertificateChainVerifier create(SecurityPolicy policy) {
    throw new UnsupportedOperationException("TODO");
  }

  public void verify(List<X509Certificate> chainLeafFirst, String hostname) throws CertificateException {
    throw new UnsupportedOperationException("TODO");
  }

  public X509ExtendedTrustManager trustManager() {
    throw new UnsupportedOperationException("TODO");
  }
}
