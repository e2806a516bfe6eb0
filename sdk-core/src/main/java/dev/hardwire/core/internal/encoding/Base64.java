package dev.hardwire.core.internal.encoding;

import java.util.Arrays;

/**
 * RFC 4648 base64 (standard alphabet, padded). Core's own because {@code java.util.Base64} arrives
 * only with Android API 26, and Hardwire runs from API 24.
 */
public final class Base64 {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET[i]] = i;
  }

  private Base64() {
  }

  public static String encode(byte[] bytes) {
    StringBuilder result = new StringBuilder((bytes.length + 2) / 3 * 4);
    for (int i = 0; i < bytes.length; i += 3) {
      int remaining = Math.min(3, bytes.length - i);
      int chunk = (bytes[i] & 0xff) << 16
          | (remaining > 1 ? (bytes[i + 1] & 0xff) << 8 : 0)
          | (remaining > 2 ? bytes[i + 2] & 0xff : 0);
      result.append(ALPHABET[chunk >>> 18]).append(ALPHABET[(chunk >>> 12) & 0x3f])
          .append(remaining > 1 ? ALPHABET[(chunk >>> 6) & 0x3f] : '=')
          .append(remaining > 2 ? ALPHABET[chunk & 0x3f] : '=');
    }
    return result.toString();
  }

  /**
   * Decodes base64 as {@code java.util.Base64} and OkHttp do: padding optional, unused trailing bits
   * ignored (pins are compared as bytes, so the spelling does not matter).
   *
   * @throws IllegalArgumentException for a character outside the alphabet, misplaced padding or an
   *     impossible length
   */
  public static byte[] decode(String text) {
    String body = text.endsWith("==") ? text.substring(0, text.length() - 2)
        : text.endsWith("=") ? text.substring(0, text.length() - 1) : text;
    if (body.length() != text.length() && text.length() % 4 != 0) {
      throw new IllegalArgumentException("padding on a length that is not a multiple of 4");
    }
    if (body.length() % 4 == 1) throw new IllegalArgumentException("impossible length " + text.length());
    byte[] result = new byte[body.length() * 3 / 4];
    int buffer = 0;
    int bits = 0;
    int out = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) throw new IllegalArgumentException("invalid character at index " + i);
      buffer = buffer << 6 | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        result[out++] = (byte) (buffer >>> bits);
      }
    }
    return result;
  }
}
