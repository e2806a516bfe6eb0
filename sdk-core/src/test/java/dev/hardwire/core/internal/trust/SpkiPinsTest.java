package dev.hardwire.core.internal.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SeededRandom;
import dev.hardwire.core.TestCertificates;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Random;
import okhttp3.CertificatePinner;
import org.junit.jupiter.api.Test;

class SpkiPinsTest {
  private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  @Test
  void pinOfACertificateIsOkHttpsPin() throws Exception {
    X509Certificate certificate = TestCertificates.leaf("www.example.com").build().certificate();
    assertEquals(CertificatePinner.pin(certificate), SpkiPins.of(certificate));
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
    assertArrayEquals(expected, SpkiPins.hash(certificate));
    assertArrayEquals(expected, SpkiPins.decode(SpkiPins.of(certificate)));
  }

  @Test
  void refusesOtherFormsWithTheExpectedOne() {
    String valid = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);
    String[] invalid = {
        "sha1/" + Base64.getEncoder().encodeToString(new byte[20]),
        "SHA256/" + valid.substring(7),
        valid.substring(7),
        " " + valid,
        valid + " ",
        valid.substring(0, valid.length() - 2),
        valid.substring(0, valid.length() - 1) + "==",
        "sha256/" + Base64.getEncoder().encodeToString(new byte[31]),
        "sha256/" + Base64.getEncoder().encodeToString(new byte[33]),
        "sha256/" + Base64.getUrlEncoder().encodeToString(new byte[] {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11,
            -12, -13, -14, -15, -16, -17, -18, -19, -20, -21, -22, -23, -24, -25, -26, -27, -28, -29, -30, -31, -32}),
        "sha256/",
        ""};
    for (String pin : invalid) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpkiPins.decode(pin), pin);
      assertTrue(e.getMessage().contains("Expected 'sha256/'"), e.getMessage());
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpkiPins.decode(invalid[0])).getMessage()
        .contains("SHA-1 pins are not supported"));
    assertThrows(NullPointerException.class, () -> SpkiPins.decode(null));
  }

  @Test
  void decodesTheHashOfEveryCanonicalPin() {
    SeededRandom.repeat(3000, random -> {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      assertArrayEquals(hash, SpkiPins.decode("sha256/" + Base64.getEncoder().encodeToString(hash)));
    });
  }

  /**
   * Differential: a pin is accepted exactly when it is {@code sha256/} and text that {@code
   * java.util.Base64} (as OkHttp) decodes to 32 bytes, and then to the same bytes.
   */
  @Test
  void acceptsExactlySha256AndBase64OfThirtyTwoBytes() {
    SeededRandom.repeat(5000, random -> {
      String pin = pinish(random);
      byte[] reference = null;
      if (pin.startsWith("sha256/")) {
        try {
          reference = Base64.getDecoder().decode(pin.substring(7));
        } catch (IllegalArgumentException notBase64) {
          // Refused below.
        }
      }
      boolean valid = reference != null && reference.length == 32;
      byte[] hash;
      try {
        hash = SpkiPins.decode(pin);
      } catch (IllegalArgumentException e) {
        assertFalse(valid, pin + " refused: " + e.getMessage());
        return;
      }
      assertTrue(valid, pin + " accepted");
      assertArrayEquals(reference, hash, pin);
    });
  }

  /** Random text, near-valid pins (one character changed, base64 of other lengths), and valid pins. */
  private static String pinish(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return SeededRandom.anyString(random, 60);
      case 1:
        return SeededRandom.oneOf(random, "sha256/", "sha1/", "sha256", "") + SeededRandom.string(random,
            BASE64 + "=-_ ", 40, 48);
      default:
        byte[] hash = new byte[SeededRandom.oneOf(random, 31, 32, 32, 32, 33)];
        random.nextBytes(hash);
        char[] pin = ("sha256/" + Base64.getEncoder().encodeToString(hash)).toCharArray();
        if (random.nextBoolean()) pin[random.nextInt(pin.length)] = (BASE64 + "=.").charAt(random.nextInt(66));
        return new String(pin);
    }
  }
}
