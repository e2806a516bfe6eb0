package dev.hardwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialTest {
  @Test
  void bearerAndBasicBuildTheirHeaders() {
    assertEquals("Bearer abc", Credential.bearer("api.example.com", "abc").headerValue());
    assertEquals("Authorization", Credential.bearer("api.example.com", "abc").headerName());
    assertEquals("Basic YWxpY2U6c2VjcmV0", Credential.basic("api.example.com", "alice", "secret").headerValue());
  }

  @Test
  void toStringRedactsTheSecret() {
    Credential credential = Credential.header("*.example.com", "X-Api-Key", "k3y-canary")
        .onlyForMethods("get")
        .onlyUnderPath("/v1/");
    assertFalse(credential.toString().contains("k3y-canary"), credential.toString());
    assertTrue(credential.toString().contains("*.example.com"));
    assertTrue(credential.toString().contains("X-Api-Key"));
  }

  @Test
  void rejectsHeaderInjectionWithoutEchoingTheSecret() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credential.bearer("api.example.com", "abc\r\nX-Evil: 1"));
    assertFalse(e.getMessage().contains("X-Evil"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Credential.bearer("api.example.com", ""));
    assertThrows(NullPointerException.class, () -> Credential.bearer("api.example.com", null));
  }

  @Test
  void rejectsBadHeaderNamesPatternsAndScopes() {
    assertThrows(IllegalArgumentException.class, () -> Credential.header("api.example.com", "X Api", "v"));
    assertThrows(IllegalArgumentException.class, () -> Credential.header("api.example.com", "Host", "v"));
    assertThrows(IllegalArgumentException.class, () -> Credential.header("api.*.com", "X-Api-Key", "v"));
    assertThrows(IllegalArgumentException.class, () -> Credential.bearer("x.example", "t").onlyUnderPath("v1"));
    assertThrows(IllegalArgumentException.class, () -> Credential.bearer("x.example", "t").onlyUnderPath("/a/../b"));
    assertThrows(IllegalArgumentException.class, () -> Credential.bearer("x.example", "t").onlyForMethods());
    assertThrows(IllegalArgumentException.class, () -> Credential.basic("x.example", "a:b", "p"));
  }

  @Test
  void pathPrefixMatchesWholeSegments() {
    Credential credential = Credential.bearer("x.example", "t").onlyUnderPath("/v1");
    assertTrue(credential.allows("GET", "/v1"));
    assertTrue(credential.allows("GET", "/v1/items"));
    assertFalse(credential.allows("GET", "/v10"));
    assertFalse(credential.allows("GET", "/"));
  }
}
