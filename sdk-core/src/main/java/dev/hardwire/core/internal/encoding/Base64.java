package dev.hardwire.core.internal.encoding;

import java.util.Arrays;

/**
 * RFC 4648 base64 (standard alphabet, padded). Core's own because {@code java.util.Base64} arrives
 * only with Android API 26, and Hardwire runs from API 24. Decoding is strict: only the canonical
 * padded form of some bytes is accepted, so a pin has exactly one spelling.
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
   * Decodes canonical padded base64.
   *
   * @throws IllegalArgumentException for any other input, including unpadded or non-canonical text
   */
  public static byte[] decode(String text) {
    if (text.length() % 4 != 0) throw new IllegalArgumentException("length is not a multiple of 4");
    int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    byte[] result = new byte[text.length() / 4 * 3 - padding];
    int out = 0;
    for (int i = 0; i < text.length(); i += 4) {
      int chunk = 0;
      for (int j = 0; j < 4; j++) {
        char c = text.charAt(i + j);
        boolean pad = c == '=' && i + 4 == text.length() && j >= 4 - padding;
        int value = pad ? 0 : c < 128 ? VALUES[c] : -1;
        if (value < 0) throw new IllegalArgumentException("invalid character at index " + (i + j));
        chunk = chunk << 6 | value;
      }
      for (int k = 0; k < 3 && out < result.length; k++) result[out++] = (byte) (chunk >>> (16 - 8 * k));
    }
    if (!encode(result).equals(text)) throw new IllegalArgumentException("not the canonical encoding");
    return result;
  }
}
