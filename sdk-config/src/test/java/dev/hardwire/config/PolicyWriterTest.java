package dev.hardwire.config;

import static dev.hardwire.config.Fixtures.PIN_A;
import static dev.hardwire.config.Fixtures.PIN_B;
import static dev.hardwire.config.Fixtures.PIN_C;
import static dev.hardwire.config.Fixtures.SECRET;
import static dev.hardwire.config.Fixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEventLogger;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.SecurityTelemetry;
import dev.hardwire.core.TlsVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyWriterTest {

  /** Everything the builder can say, with secrets the writer must not write. */
  static SecurityPolicy everything(SecurityEventListener listener) {
    SecurityPolicy.Builder builder = SecurityPolicy.builder()
        .minimumTlsVersion(TlsVersion.TLS_1_2)
        .cleartextMode(CleartextMode.UPGRADE)
        .maxRedirects(3)
        .trustAnchors(List.of(Fixtures.root().certificate()))
        .pin("api.example.com", PIN_A, PIN_B)
        .pinExpiration("api.example.com", Instant.parse("2031-06-30T00:00:00Z"))
        .pinReportOnly("*.cdn.example.com", PIN_C)
        .pinExpiration("*.cdn.example.com", Instant.parse("2031-06-30T12:34:56Z"))
        .pin("**.example.org", PIN_B, PIN_C)
        .sensitiveHeaders("X-Session-Token", "X-Trace")
        .credential(Credential.bearer("api.example.com", SECRET).onlyUnderPath("/v2/"))
        .credential(Credential.basic("reports.example.com", "reporting", Fixtures.BASIC_PASSWORD)
            .onlyForMethods("GET", "HEAD"))
        .credential(Credential.header("**.partner.example.net", "X-Api-Key", SECRET + "-key"));
    return listener == null ? builder.build() : builder.eventListener(listener).build();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void roundTripsCodeToFileToCode(Format format) throws Exception {
    SecurityEventLogger logger = SecurityEventLogger.create();
    SecurityPolicy original = everything(logger);
    String text = PolicyFiles.write(original, format);
    SecurityPolicy loaded = Fixtures.LOADER.load(stream(text), format);
    // Listeners compare by identity, and the file makes its own logger: compare everything else.
    assertEquals(1, loaded.eventListeners().size());
    assertTrue(loaded.eventListeners().get(0) instanceof SecurityEventLogger);
    assertEquals(PolicyFilesTest.withoutListeners(original), PolicyFilesTest.withoutListeners(loaded));
    assertEquals(text, PolicyFiles.write(loaded, format), "file -> code -> file is stable");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void neverWritesASecret(Format format) {
    String text = PolicyFiles.write(everything(new SecurityTelemetry()), format);
    assertFalse(text.contains(SECRET), text);
    assertFalse(text.contains(Fixtures.BASIC_VALUE.substring(6)), text);
    assertTrue(text.contains("${env:HARDWIRE_CREDENTIAL_1}"), text);
    assertFalse(text.contains("events"), "telemetry is code, not file: " + text);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void writesTheStrictPolicyWithEveryDefaultSpelledOut(Format format) throws Exception {
    String text = PolicyFiles.write(SecurityPolicy.strict(), format);
    assertTrue(text.contains("minimumTlsVersion") && text.contains("\"1.3\""), text);
    assertEquals(SecurityPolicy.strict(), PolicyFiles.load(stream(text), format));
  }
}
