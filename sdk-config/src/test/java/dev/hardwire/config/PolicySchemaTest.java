package dev.hardwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hardwire.core.SecurityEventLogger;
import dev.hardwire.core.SecurityPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed JSON Schema agrees with the parser: what Hardwire loads validates, and what the
 * schema can express and Hardwire refuses, the schema refuses too.
 */
class PolicySchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = loadSchema();

  /** Refusals that depend on the environment, the file system or canonical host names: beyond any schema. */
  private static final List<String> BEYOND_THE_SCHEMA = List.of("which is not set", "which is empty",
      "cannot be read", "is a protocol header", "' again",
      "no directory to resolve it against");

  private static Schema loadSchema() {
    try (InputStream in = PolicySchemaTest.class.getResourceAsStream("/dev/hardwire/config/policy.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.EXAMPLES)) {
      List<Path> policies = files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
      assertTrue(policies.size() >= 4, "examples: " + policies);
      return policies.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleValidates(Path example) throws IOException {
    ObjectMapper mapper = example.toString().endsWith(".json") ? JSON : YAML;
    assertEquals(List.of(), messages(mapper.readTree(example.toFile())));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everythingTheWriterWritesValidates(Format format) throws IOException {
    ObjectMapper mapper = format == Format.JSON ? JSON : YAML;
    for (SecurityPolicy policy : List.of(SecurityPolicy.strict(),
        PolicyWriterTest.everything(SecurityEventLogger.create()))) {
      assertEquals(List.of(), messages(mapper.readTree(PolicyFiles.write(policy, format))));
    }
  }

  static Stream<Arguments> refusedWithinTheSchema() {
    return PolicyFileErrorsTest.refusedYaml()
        .filter(arguments -> BEYOND_THE_SCHEMA.stream().noneMatch(((String) arguments.get()[3])::contains));
  }

  @ParameterizedTest
  @MethodSource("refusedWithinTheSchema")
  void whatTheParserRefusesTheSchemaRefuses(String yaml, int line, int column, String message) throws IOException {
    assertThrows(PolicyFileException.class, () -> Fixtures.yaml(yaml));
    assertFalse(messages(YAML.readTree(yaml)).isEmpty(), "the schema accepts what Hardwire refuses (" + message
        + "):\n" + yaml);
  }

  @Test
  void theSchemaRefusesMissingAndUnknownVersions() throws IOException {
    assertFalse(messages(YAML.readTree("minimumTlsVersion: \"1.3\"")).isEmpty());
    assertFalse(messages(YAML.readTree("version: 2")).isEmpty());
    assertFalse(messages(YAML.readTree("version: \"1\"")).isEmpty());
  }

  @Test
  void singleReportOnlyPinsValidateInBoth() throws Exception {
    String yaml = "version: 1\npins: [{host: a.example.com, pins: [" + Fixtures.PIN_A + "], reportOnly: true}]\n";
    assertEquals(1, Fixtures.yaml(yaml).pins().size());
    assertEquals(List.of(), messages(YAML.readTree(yaml)));
  }

  private static List<String> messages(JsonNode instance) {
    return SCHEMA.validate(instance).stream().map(Error::toString).toList();
  }
}
