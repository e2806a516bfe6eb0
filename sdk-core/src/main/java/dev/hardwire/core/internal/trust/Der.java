package dev.hardwire.core.internal.trust;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few DER steps the verifier needs to read extensions the platform does not expose (name
 * constraints of a root, authority key identifier, authority information access). Strict: any
 * malformed length or trailing byte throws {@link IllegalArgumentException}.
 */
final class Der {
  static final int OCTET_STRING = 0x04;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int SEQUENCE = 0x30;

  /** One tag-length-value element inside a byte array. */
  static final class Element {
    final int tag;
    private final byte[] bytes;
    private final int start;
    private final int contentStart;
    private final int contentEnd;

    private Element(int tag, byte[] bytes, int start, int contentStart, int contentEnd) {
      this.tag = tag;
      this.bytes = bytes;
      this.start = start;
      this.contentStart = contentStart;
      this.contentEnd = contentEnd;
    }

    byte[] content() {
      return Arrays.copyOfRange(bytes, contentStart, contentEnd);
    }

    /** The whole element, tag and length included. */
    byte[] encoded() {
      return Arrays.copyOfRange(bytes, start, contentEnd);
    }

    /** An OBJECT IDENTIFIER's dotted form. */
    String oid() {
      if (tag != OBJECT_IDENTIFIER || contentEnd == contentStart) throw new IllegalArgumentException("not an OID");
      StringBuilder result = new StringBuilder();
      long arc = 0;
      for (int i = contentStart; i < contentEnd; i++) {
        if (arc == 0 && bytes[i] == (byte) 0x80) throw new IllegalArgumentException("OID arc with a leading zero");
        arc = (arc << 7) | (bytes[i] & 0x7f);
        if (arc > Integer.MAX_VALUE) throw new IllegalArgumentException("OID arc too large");
        if ((bytes[i] & 0x80) != 0) continue;
        if (result.length() == 0) {
          int first = arc < 80 ? (int) arc / 40 : 2;
          result.append(first).append('.').append(arc - 40L * first);
        } else {
          result.append('.').append(arc);
        }
        arc = 0;
      }
      if ((bytes[contentEnd - 1] & 0x80) != 0) throw new IllegalArgumentException("truncated OID");
      return result.toString();
    }

    /** The elements inside a constructed element. */
    List<Element> children() {
      return Der.elements(bytes, contentStart, contentEnd);
    }
  }

  private Der() {
  }

  /** The single element {@code der} holds. */
  static Element parse(byte[] der) {
    List<Element> elements = elements(der, 0, der.length);
    if (elements.size() != 1) throw new IllegalArgumentException("expected one DER element");
    return elements.get(0);
  }

  /** An extension's value, without the OCTET STRING that {@code getExtensionValue} wraps it in. */
  static Element extension(byte[] extensionValue) {
    Element octets = parse(extensionValue);
    if (octets.tag != OCTET_STRING) throw new IllegalArgumentException("not an OCTET STRING");
    return parse(octets.content());
  }

  static List<Element> elements(byte[] bytes, int start, int end) {
    List<Element> result = new ArrayList<>();
    int offset = start;
    while (offset < end) {
      if (end - offset < 2) throw new IllegalArgumentException("truncated element");
      int tag = bytes[offset] & 0xff;
      if ((tag & 0x1f) == 0x1f) throw new IllegalArgumentException("multi-byte tags are not used in certificates");
      int length = bytes[offset + 1] & 0xff;
      int contentStart = offset + 2;
      if (length > 0x7f) {
        int octets = length & 0x7f;
        if (octets == 0 || octets > 3 || contentStart + octets > end) throw new IllegalArgumentException("bad length");
        length = 0;
        for (int i = 0; i < octets; i++) length = (length << 8) | (bytes[contentStart + i] & 0xff);
        contentStart += octets;
      }
      int contentEnd = contentStart + length;
      if (length < 0 || contentEnd > end) throw new IllegalArgumentException("element overruns its container");
      result.add(new Element(tag, bytes, offset, contentStart, contentEnd));
      offset = contentEnd;
    }
    return result;
  }
}
