package dev.hardwire.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertificateException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class HandshakeFailuresTest {
  private static final List<String> TLS_1_3 = List.of("TLSv1.3");

  @Test
  void explainsANoCommonProtocolFailureWithTheAllowedProtocols() {
    SSLHandshakeException alert = new SSLHandshakeException("Received fatal alert: protocol_version");

    IOException explained = HandshakeFailures.explained("legacy.example.com", alert, TLS_1_3);

    assertEquals(SSLHandshakeException.class, explained.getClass());
    assertEquals("TLS handshake with legacy.example.com failed: Received fatal alert: protocol_version."
        + " The policy allows [TLSv1.3]; the server must offer one of them.", explained.getMessage());
    assertSame(alert, explained.getCause());
  }

  @Test
  void leavesACertificateRejectionUnchanged() {
    SSLHandshakeException rejected = new SSLHandshakeException("PKIX path validation failed");
    rejected.initCause(new CertificateException("Certificate pinning failure!"));

    assertSame(rejected, HandshakeFailures.explained("api.example.com", rejected, TLS_1_3));
  }

  @Test
  void leavesAHostnameVerifierRejectionUnchanged() {
    SSLPeerUnverifiedException unverified = new SSLPeerUnverifiedException("Hostname api.example.com not verified");

    assertSame(unverified, HandshakeFailures.explained("api.example.com", unverified, TLS_1_3));
  }

  @Test
  void leavesAFailureOutsideTlsUnchanged() {
    IOException refused = new ConnectException("Connection refused");

    assertSame(refused, HandshakeFailures.explained("api.example.com", refused, TLS_1_3));
  }
}
