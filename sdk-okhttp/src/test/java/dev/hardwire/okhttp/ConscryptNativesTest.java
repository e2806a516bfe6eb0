package dev.hardwire.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import org.junit.jupiter.api.Test;

/**
 * Conscrypt on a platform its jar has no native library for (conscrypt-openjdk-uber 2.5.2 has none
 * for aarch64) fails when the policy is built, saying so and what to use instead. Runs in a JVM of
 * its own that reports {@code os.arch=aarch64} (see the pom), so Conscrypt looks for that library.
 */
class ConscryptNativesTest {
  @Test
  void refusesConscryptWithoutItsNativeLibraryAtBuild() {
    assertEquals("aarch64", System.getProperty("os.arch"), "run by the pom's conscrypt-without-natives execution");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SecurityPolicy.builder().tlsProvider(TlsProvider.CONSCRYPT).build());

    String message = e.getMessage();
    assertTrue(message.contains("native library does not load on " + System.getProperty("os.name") + "/aarch64"),
        message);
    assertTrue(message.contains("aarch_64"), message); // Conscrypt's own error: the library it looked for
    assertTrue(message.contains("none for aarch64"), message);
    assertTrue(message.contains("Use TlsProvider.JDK or TlsProvider.BOUNCY_CASTLE"), message);
  }
}
