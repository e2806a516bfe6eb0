package dev.hardwire.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hardwire.config.Format;
import dev.hardwire.core.Credential;
import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityEventListener;
import dev.hardwire.core.SecurityEventLogger;
import dev.hardwire.core.SecurityPolicy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Writes a policy as a file that {@link PolicyFileReader} reads back into an equal policy. Secrets
 * are never written: a credential is written with its scope and a reference,
 * {@code ${env:HARDWIRE_CREDENTIAL_1}}, {@code _2}, ..., for the operator to provide or rename.
 */
public final class PolicyWriter {
  static final String CREDENTIAL_VARIABLE = "HARDWIRE_CREDENTIAL_";

  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private PolicyWriter() {
  }

  public static String write(SecurityPolicy policy, Format format) {
    if (policy == null || format == null) throw new NullPointerException("policy or format == null");
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = (format == Format.JSON ? JSON : YAML).createGenerator(out)) {
      if (format == Format.JSON) {
        generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
      }
      write(policy, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to a string failed", e);
    }
    String text = out.toString();
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static void write(SecurityPolicy policy, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeNumberField("version", PolicyParser.VERSION);
    out.writeStringField("minimumTlsVersion", Spellings.of(Spellings.TLS_VERSIONS, policy.minimumTlsVersion()));
    out.writeStringField("tlsProvider", Spellings.of(Spellings.TLS_PROVIDERS, policy.tlsProvider()));
    out.writeStringField("cleartextMode", Spellings.of(Spellings.CLEARTEXT_MODES, policy.cleartextMode()));
    out.writeNumberField("maxRedirects", policy.maxRedirects());
    if (!policy.trustAnchors().isEmpty()) {
      out.writeArrayFieldStart("trustAnchors");
      for (X509Certificate anchor : policy.trustAnchors()) {
        out.writeStartObject();
        out.writeStringField("pem", Pem.encode(anchor));
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    if (!policy.pins().isEmpty()) {
      out.writeArrayFieldStart("pins");
      for (HostPins pins : policy.pins()) writePins(pins, out);
      out.writeEndArray();
    }
    if (!policy.sensitiveHeaders().isEmpty()) {
      out.writeArrayFieldStart("sensitiveHeaders");
      for (String name : policy.sensitiveHeaders()) out.writeString(name);
      out.writeEndArray();
    }
    if (!policy.credentials().isEmpty()) {
      out.writeArrayFieldStart("credentials");
      int number = 1;
      for (Credential credential : policy.credentials()) writeCredential(credential, number++, out);
      out.writeEndArray();
    }
    if (hasLogger(policy)) {
      out.writeArrayFieldStart("events");
      out.writeString("log");
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void writePins(HostPins pins, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("host", pins.hostPattern());
    out.writeArrayFieldStart("pins");
    for (String pin : pins.pins()) out.writeString(pin);
    out.writeEndArray();
    if (pins.reportOnly()) out.writeBooleanField("reportOnly", true);
    if (pins.expiresAt() != null) out.writeStringField("expires", date(pins.expiresAt()));
    out.writeEndObject();
  }

  private static void writeCredential(Credential credential, int number, JsonGenerator out) throws IOException {
    String reference = "${env:" + CREDENTIAL_VARIABLE + number + "}";
    out.writeStartObject();
    // Only the scheme word is looked at, never the secret after it.
    boolean bearer = credential.headerName().equalsIgnoreCase("Authorization")
        && credential.headerValue().startsWith("Bearer ");
    out.writeStringField("type", bearer ? "bearer" : "header");
    out.writeStringField("host", credential.hostPattern());
    if (bearer) {
      out.writeStringField("token", reference);
    } else {
      out.writeStringField("name", credential.headerName());
      out.writeStringField("value", reference);
    }
    if (!credential.methods().isEmpty()) {
      out.writeArrayFieldStart("methods");
      for (String method : credential.methods()) out.writeString(method);
      out.writeEndArray();
    }
    if (!credential.pathPrefix().equals("/")) out.writeStringField("pathPrefix", credential.pathPrefix());
    out.writeEndObject();
  }

  private static boolean hasLogger(SecurityPolicy policy) {
    for (SecurityEventListener listener : policy.eventListeners()) {
      if (listener instanceof SecurityEventLogger) return true;
    }
    return false;
  }

  /** Midnight UTC as a plain date, as people write expiry dates; anything else as an instant. */
  private static String date(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return utc.toLocalTime().toNanoOfDay() == 0 ? utc.toLocalDate().toString() : instant.toString();
  }
}
