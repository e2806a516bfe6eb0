package dev.hardwire.core;

import java.security.cert.CertificateException;

/**
 * A certificate chain that {@link CertificateChainVerifier} refused, with the rule it broke. During
 * a handshake it reaches the caller as the cause of an {@code SSLHandshakeException} (an {@code
 * IOException}); the handshake is aborted before any request byte is sent.
 *
 * <p>The message names the certificate, the rule and what to change, for example:
 *
 * <pre>
 * Certificate for api.example.com rejected (HOSTNAME_MISMATCH): its subjectAltNames are
 * [DNS:www.example.com, DNS:example.com]; the common name is never used. Connect to one of those
 * names, or reissue the certificate with api.example.com as a subjectAltName.
 * </pre>
 */
public final class CertificateRejectedException extends CertificateException {
  private static final long serialVersionUID = 1L;

  /** The rule a chain broke: stable names, used as the {@code reason} of events. */
  public enum Reason {
    /** No path to a trust anchor: an unknown or self-signed root, or a bad signature. */
    UNTRUSTED,
    /** The server did not send the intermediate certificates needed to reach a trust anchor. */
    INCOMPLETE_CHAIN,
    /** A certificate of the path has expired at the policy clock's time. */
    EXPIRED,
    /** A certificate of the path is not valid yet at the policy clock's time. */
    NOT_YET_VALID,
    /** The leaf's subjectAltNames do not cover the host (the common name is never used). */
    HOSTNAME_MISMATCH,
    /** An RSA key under 2048 bits, an EC key off P-256/P-384/P-521, DSA, or another key type. */
    WEAK_KEY,
    /** An MD5 or SHA-1 signature (or an algorithm outside the allowed set) in the path. */
    WEAK_SIGNATURE,
    /** An issuer that is not a CA (basicConstraints cA=TRUE, keyCertSign) or a leaf that is one. */
    NOT_A_CA,
    /** The leaf's (or an issuer's) extended key usage does not allow TLS server authentication. */
    EXTENDED_KEY_USAGE,
    /** A name in the leaf is outside an issuer's name constraints. */
    NAME_CONSTRAINTS,
    /** The path is longer than an issuer's pathLenConstraint allows. */
    PATH_LENGTH,
    /** A certificate or host name that does not parse, or violates the certificate profile. */
    MALFORMED,
    /** The validated chain matched none of the pins configured for the host. */
    PIN_MISMATCH,
    /** The connection had no host name to verify. */
    NO_HOSTNAME
  }

  private final Reason reason;

  public CertificateRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public CertificateRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
