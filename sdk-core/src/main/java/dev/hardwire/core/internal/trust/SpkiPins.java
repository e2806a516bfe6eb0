package dev.hardwire.core.internal.trust;

import dev.hardwire.core.internal.encoding.Base64;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;

/** SPKI SHA-256 pins in OkHttp's {@code sha256/BASE64=} form. */
public final class SpkiPins {
  private static final String PREFIX = "sha256/";

  private SpkiPins() {
  }

  /**
   * Returns the 32-byte hash of {@code pin}.
   *
   * @throws IllegalArgumentException naming the problem and the expected form
   */
  public static byte[] decode(String pin) {
    if (pin == null) throw new NullPointerException("pin == null");
    if (!pin.startsWith(PREFIX)) {
      String problem = pin.startsWith("sha1/")
          ? "SHA-1 pins are not supported"
          : "a pin must start with 'sha256/'";
      throw invalid(pin, problem);
    }
    byte[] hash;
    try {
      hash = Base64.decode(pin.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw invalid(pin, "the part after 'sha256/' is not valid base64");
    }
    if (hash.length != 32) {
      throw invalid(pin, "it decodes to " + hash.length + " bytes, a SHA-256 hash has 32");
    }
    return hash;
  }

  private static IllegalArgumentException invalid(String pin, String problem) {
    return new IllegalArgumentException("Invalid pin '" + pin + "': " + problem + ". Expected 'sha256/' followed by"
        + " the base64 SHA-256 of the certificate's SubjectPublicKeyInfo, for example"
        + " 'sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='. Compute it with: openssl x509 -in cert.pem"
        + " -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl enc -base64");
  }

  /** Returns {@code sha256/BASE64} of {@code certificate}'s SubjectPublicKeyInfo. */
  public static String of(X509Certificate certificate) {
    return PREFIX + Base64.encode(sha256(certificate.getPublicKey().getEncoded()));
  }

  /** Returns the SHA-256 of {@code certificate}'s SubjectPublicKeyInfo. */
  public static byte[] hash(X509Certificate certificate) {
    return sha256(certificate.getPublicKey().getEncoded());
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("Every Java platform has SHA-256", e);
    }
  }
}
