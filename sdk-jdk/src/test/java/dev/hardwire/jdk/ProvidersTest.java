package dev.hardwire.jdk;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The provider-parameterised tests of this module (TLS, trust, resumption, on both clients) are
 * the proof that Conscrypt needs no {@code --add-opens java.base/java.net=ALL-UNNAMED} under
 * Hardwire: it reads java.net internals only for a socket without a host name string, and
 * Hardwire's sockets and engines always have one.
 */
class ProvidersTest {
  @Test
  void runsWithoutJavaNetOpened() {
    assertFalse(Object.class.getModule().isOpen("java.net", ProvidersTest.class.getModule()),
        "this suite must run without --add-opens java.base/java.net=ALL-UNNAMED to prove Conscrypt needs none");
  }
}
