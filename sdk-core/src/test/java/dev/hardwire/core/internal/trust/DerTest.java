package dev.hardwire.core.internal.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.SeededRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DerTest {
  @ParameterizedTest
  @ValueSource(strings = {"06 03 55 1d 23 = 2.5.29.35", "06 08 2b 06 01 05 05 07 01 01 = 1.3.6.1.5.5.7.1.1",
      "06 09 2a 86 48 86 f7 0d 01 01 0b = 1.2.840.113549.1.1.11", "06 02 88 37 = 2.999",
      "06 01 27 = 0.39", "06 03 2a 87 00 = 1.2.896"})
  void readsObjectIdentifiers(String vector) {
    String[] parts = vector.split(" = ");
    assertEquals(parts[1], Der.parse(hex(parts[0])).oid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"06 00", "06 02 2a 86", "06 03 2a 80 01", "04 01 2a", "06 06 2a 8f ff ff ff 7f"})
  void refusesMalformedObjectIdentifiers(String vector) {
    assertThrows(IllegalArgumentException.class, () -> Der.parse(hex(vector)).oid());
  }

  @Test
  void parsesOneElementWithItsChildren() {
    // SEQUENCE { OCTET STRING 01 02, [0] 03 }
    Der.Element sequence = Der.parse(bytes(0x30, 0x07, 0x04, 0x02, 0x01, 0x02, 0x80, 0x01, 0x03));
    assertEquals(Der.SEQUENCE, sequence.tag);
    List<Der.Element> children = sequence.children();
    assertEquals(2, children.size());
    assertEquals(Der.OCTET_STRING, children.get(0).tag);
    assertArrayEquals(bytes(0x01, 0x02), children.get(0).content());
    assertEquals(0x80, children.get(1).tag);
    assertArrayEquals(bytes(0x03), children.get(1).content());
  }

  @Test
  void readsLongFormLengths() {
    byte[] der = new byte[3 + 200];
    der[0] = 0x04;
    der[1] = (byte) 0x81;
    der[2] = (byte) 200;
    assertEquals(200, Der.parse(der).content().length);
    byte[] longer = new byte[4 + 300];
    longer[0] = 0x04;
    longer[1] = (byte) 0x82;
    longer[2] = 0x01;
    longer[3] = 0x2c;
    assertEquals(300, Der.parse(longer).content().length);
  }

  @Test
  void unwrapsAnExtensionValue() {
    // OCTET STRING { SEQUENCE { [0] 2a } }, as getExtensionValue returns it.
    Der.Element value = Der.extension(bytes(0x04, 0x05, 0x30, 0x03, 0x80, 0x01, 0x2a));
    assertEquals(Der.SEQUENCE, value.tag);
    assertArrayEquals(bytes(0x2a), value.children().get(0).content());
    assertThrows(IllegalArgumentException.class, () -> Der.extension(bytes(0x30, 0x03, 0x80, 0x01, 0x2a)));
    assertThrows(IllegalArgumentException.class, () -> Der.extension(bytes(0x04, 0x06, 0x30, 0x03, 0x80, 0x01,
        0x2a, 0x00)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",             // nothing
      "04",           // no length
      "04 02 00",     // content shorter than its length
      "04 01 00 00",  // a trailing byte
      "04 00 04 00",  // two elements where one is expected
      "1f 01 00",     // multi-byte tag
      "04 80 00 00",  // indefinite length, not DER
      "04 84 00 00 00 01 00", // more length octets than certificates use
      "04 82 00",     // length octets missing
      "30 03 04 05 00"}) // a child overruns its parent
  void refusesMalformedEncodings(String hex) {
    assertThrows(IllegalArgumentException.class, () -> {
      Der.Element element = Der.parse(hex(hex));
      element.children();
    });
  }

  /** Any bytes either parse or fail with IllegalArgumentException, never another exception. */
  @Test
  void arbitraryBytesFailOnlyWithIllegalArgumentException() {
    SeededRandom.repeat(5000, random -> {
      byte[] der = new byte[random.nextInt(24)];
      random.nextBytes(der);
      if (der.length > 0 && random.nextBoolean()) {
        der[0] = SeededRandom.oneOf(random, (byte) 0x04, (byte) 0x30, (byte) 0xa0);
      }
      if (der.length > 1 && random.nextBoolean()) der[1] = (byte) random.nextInt(der.length + 2);
      try {
        walk(Der.parse(der), 0);
      } catch (IllegalArgumentException expected) {
        // Malformed.
      } catch (RuntimeException e) {
        throw new AssertionError(Arrays.toString(der), e);
      }
    });
  }

  /** Reads every nested element, as the verifier's readers do. */
  private static void walk(Der.Element element, int depth) {
    element.content();
    if (depth < 4 && (element.tag & 0x20) != 0) {
      for (Der.Element child : element.children()) walk(child, depth + 1);
    }
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) result[i] = (byte) values[i];
    return result;
  }

  private static byte[] hex(String hex) {
    String[] parts = hex.trim().isEmpty() ? new String[0] : hex.trim().split(" +");
    byte[] result = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) result[i] = (byte) Integer.parseInt(parts[i], 16);
    return result;
  }
}
