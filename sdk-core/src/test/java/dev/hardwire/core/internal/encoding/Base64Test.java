package dev.hardwire.core.internal.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64Test {
  @Test
  void agreesWithTheJdkOnRandomBytes() {
    Random random = new Random(20261126L);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[random.nextInt(70)];
      random.nextBytes(bytes);
      String expected = java.util.Base64.getEncoder().encodeToString(bytes);
      assertEquals(expected, Base64.encode(bytes));
      assertArrayEquals(bytes, Base64.decode(expected));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "AA", "AAA", "AA=A", "A===", "====", "AB==", "AAA=AAAA", "AA\u00e9=", "AA A", "-_AA"})
  void rejectsNonCanonicalOrInvalidText(String text) {
    assertThrows(IllegalArgumentException.class, () -> Base64.decode(text));
  }
}
