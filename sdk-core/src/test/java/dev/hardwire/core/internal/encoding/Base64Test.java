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
      String padded = java.util.Base64.getEncoder().encodeToString(bytes);
      assertEquals(padded, Base64.encode(bytes));
      assertArrayEquals(bytes, Base64.decode(padded));
      assertArrayEquals(bytes, Base64.decode(java.util.Base64.getEncoder().withoutPadding().encodeToString(bytes)));
    }
  }

  @Test
  void decodesLikeTheJdkWhereTrailingBitsAreNotZero() {
    // OkHttp's documentation pins spell their last character freely; the bytes are what count.
    String pin = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";
    assertArrayEquals(java.util.Base64.getDecoder().decode(pin), Base64.decode(pin));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "AAAAA", "AA=A", "A===", "====", "AAA=AAAA", "AAA==", "AA\u00e9=", "AA A", "-_AA",
      "AAAA\n"})
  void rejectsInvalidText(String text) {
    assertThrows(IllegalArgumentException.class, () -> Base64.decode(text));
  }
}
