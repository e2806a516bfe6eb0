package dev.hardwire.core.internal.tls;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Tells handshake failures apart for events and callers. A certificate rejection was already
 * reported by the verifier; anything else that failed a handshake (no common protocol or cipher
 * suite) is a {@code HANDSHAKE_FAILED} with a reason that reads the same whichever provider failed,
 * and reaches the caller {@link #explained explained}.
 */
public final class HandshakeFailures {
  /** BCJSSE fails handshakes with its own IOExceptions (TlsFatalAlert, TlsFatalAlertReceived), not SSLException. */
  private static final String BOUNCY_CASTLE_TLS_EXCEPTION = "org.bouncycastle.tls.TlsException";

  private HandshakeFailures() {
  }

  /**
   * True if {@code failure} is a TLS handshake failure that is not a certificate rejection: the
   * failures an adapter reports as {@code HANDSHAKE_FAILED}. A hostname verifier's (or OkHttp's)
   * {@link SSLPeerUnverifiedException} is a certificate rejection too: the protocols were agreed.
   */
  public static boolean isNonCertificateHandshakeFailure(Throwable failure) {
    boolean tls = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertificateException || t instanceof SSLPeerUnverifiedException) return false;
      if (t instanceof SSLException || isBouncyCastleTlsException(t)) tls = true;
      if (t.getCause() == t) break;
    }
    return tls;
  }

  private static boolean isBouncyCastleTlsException(Throwable t) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(BOUNCY_CASTLE_TLS_EXCEPTION)) return true;
    }
    return false;
  }

  /**
   * A low-cardinality reason: {@code PROTOCOL_VERSION} when no protocol was common, {@code
   * HANDSHAKE_FAILURE} when no cipher suite was (or the peer sent that alert), {@code OTHER} else.
   * JDK, Conscrypt and BCJSSE word the alerts differently, so all spellings are matched here.
   */
  public static String reason(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      text.append(' ').append(t.getMessage());
    }
    String lower = text.toString().toLowerCase(Locale.ROOT);
    if (lower.contains("protocol_version") || lower.contains("protocol version")
        || lower.contains("no appropriate protocol") || lower.contains("unsupported_protocol")
        || lower.contains("unsupported protocol")) {
      return "PROTOCOL_VERSION";
    }
    if (lower.contains("handshake_failure") || lower.contains("handshake failure")
        || lower.contains("no cipher") || lower.contains("no_cipher") || lower.contains("no_shared_cipher")) {
      return "HANDSHAKE_FAILURE";
    }
    return "OTHER";
  }

  /**
   * The message of a {@code HANDSHAKE_FAILED} event: which host failed, why, and what the server
   * must offer instead, so that every adapter words it the same way.
   */
  public static String message(String host, Throwable failure, List<String> allowedProtocols) {
    String allowed = allowedProtocols.contains("TLSv1.2")
        ? allowedProtocols + " (TLS 1.2 only with ECDHE and AES-GCM or ChaCha20-Poly1305)"
        : allowedProtocols.toString();
    return "TLS handshake with " + host + " failed: " + failure.getMessage() + ". The policy allows " + allowed
        + "; the server must offer one of them.";
  }

  /**
   * What the caller of an adapter gets for {@code failure}: for a non-certificate handshake failure
   * an {@link SSLHandshakeException} with the {@link #message} of its {@code HANDSHAKE_FAILED} event
   * and {@code failure} as its cause, since the providers' bare alerts ("Received fatal alert:
   * protocol_version") do not say that the policy, not the server alone, decided; any other failure
   * unchanged (certificate rejections already say what to do).
   */
  public static IOException explained(String host, IOException failure, List<String> allowedProtocols) {
    if (!isNonCertificateHandshakeFailure(failure)) return failure;
    SSLHandshakeException explained = new SSLHandshakeException(message(host, failure, allowedProtocols));
    explained.initCause(failure);
    return explained;
  }
}
