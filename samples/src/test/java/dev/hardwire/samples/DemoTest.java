package dev.hardwire.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the whole tour in process, as {@code ./demo} does, and reads its transcript. */
class DemoTest {
  private static String transcript;
  private static int status;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    status = Demo.run(new String[] {"--policy", "hardwire-policy.yaml"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    transcript = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsEverySectionWithoutSurprises() {
    assertEquals(0, status, transcript);
    for (int section = 1; section <= 7; section++) {
      assertTrue(transcript.contains("\n" + section + ". "), "section " + section + "\n" + transcript);
    }
    assertFalse(transcript.contains("UNEXPECTED"), transcript);
    assertFalse(transcript.contains("\tat "), "a stack trace\n" + transcript);
  }

  @Test
  void hardenedRequestNegotiatesTls13() {
    assertContains("answer                 200 \"hello from the API\"");
    assertContains("TLS version            TLSv1.3");
    assertMatches("handshake              \\d+ ms");
  }

  @Test
  void cleartextIsRefusedByEveryClientWithItsCallSite() {
    assertContains("result                 refused, CleartextRefusedException");
    assertContains("called from            dev.hardwire.samples.demo.LoopbackDemo.refusedCall(LoopbackDemo.java:");
    assertContains("java.net.http          refused the same way, CleartextRefusedException");
    assertContains("HttpsURLConnection     refused the same way, CleartextRefusedException");
  }

  @Test
  void downgradeRedirectIsRefusedAndTheHttpListenerSeesNothing() {
    assertContains("result                 refused, RedirectRefusedException");
    assertEquals(2, count("plain-HTTP listener    0 connections, 0 bytes received"), transcript);
  }

  @Test
  void tokenAndSensitiveHeaderStayWithTheirHost() {
    assertMatches("api.hardwire.test got  GET /export\n +Authorization: Bearer \\(32-character token, not printed\\)\n"
        + " +X-Session-Id:  s-4711");
    assertMatches("cdn.elsewhere.test got GET /files/export.csv\n +Authorization: \\(none\\)\n +X-Session-Id:  \\(none\\)");
  }

  @Test
  void pinMismatchListsTheServersRealPins() {
    assertMatches("sha256/[A-Za-z0-9+/]{43}=: CN=pinned.hardwire.test");
    assertContains("sha256/DLJi5azv+4afRciiDkxnU0N0eeaHUIPIjygI0Xbo5RU=");
    assertContains("server received        0 requests");
  }

  @Test
  void tls12ServerIsRefusedByDefaultAndAcceptedWhenAllowed() {
    assertContains("default policy         refused, SSLHandshakeException");
    assertContains("The policy allows [TLSv1.3]");
    assertMatches("minimumTlsVersion 1.2  200 \"legacy ok\" over TLSv1.2, TLS_ECDHE_\\w+_GCM_\\w+");
  }

  @Test
  void telemetryAndPrometheusCountTheRun() {
    assertContains("requests               9, of which 3 tried plain http (33%");
    assertContains("hardwire_requests_total{outcome=\"refused-cleartext\"} 3.0");
    assertContains("hardwire_redirects_refused_total{reason=\"DOWNGRADE\"} 1.0");
    assertContains("hardwire_pin_failures_total{host_pattern=\"pinned.hardwire.test\",mode=\"enforced\"} 1.0");
    assertContains("hardwire_credentials_withheld_total{host_pattern=\"api.hardwire.test\",reason=\"CROSS_HOST_REDIRECT\"} 1.0");
  }

  @Test
  void unknownArgumentPrintsUsage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertEquals(2, Demo.run(new String[] {"--nope"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Unknown argument: --nope\nUsage: ./demo"));
  }

  @Test
  void missingPolicyFileSaysWhereToRunFrom() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertEquals(1, Demo.run(new String[] {"--policy", "no-such.yaml"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Run ./demo from the repository root"));
  }

  private void assertContains(String expected) {
    assertTrue(transcript.contains(expected), "missing: " + expected + "\n" + transcript);
  }

  private void assertMatches(String regex) {
    assertTrue(Pattern.compile(regex).matcher(transcript).find(), "no match: " + regex + "\n" + transcript);
  }

  private int count(String text) {
    return transcript.split(Pattern.quote(text), -1).length - 1;
  }
}
