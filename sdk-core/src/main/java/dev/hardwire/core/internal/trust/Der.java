package dev.hardwire.core.internal.trust;

import java.util.Arrays;

/** The few DER steps the verifier needs; everything else is left to the platform's parser. */
final class Der {
  private Der() {
  }

  /**
   * The contents of a DER OCTET STRING, as {@code X509Certificate.getExtensionValue} wraps an
   * extension's value.
   *
   * @throws IllegalArgumentException if {@code der} is not a well-formed OCTET STRING
   */
  static byte[] unwrapOctetString(byte[] der) {
    if (der == null || der.length < 2 || der[0] != 0x04) throw new IllegalArgumentException("not an OCTET STRING");
    int length = der[1] & 0xff;
    int offset = 2;
    if (length > 0x7f) {
      int octets = length & 0x7f;
      if (octets == 0 || octets > 3 || der.length < 2 + octets) throw new IllegalArgumentException("bad length");
      length = 0;
      for (int i = 0; i < octets; i++) length = (length << 8) | (der[2 + i] & 0xff);
      offset = 2 + octets;
    }
    if (offset + length != der.length) throw new IllegalArgumentException("length mismatch");
    return Arrays.copyOfRange(der, offset, der.length);
  }
}
