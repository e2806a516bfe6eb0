package dev.hardwire.config;

import static dev.hardwire.config.Fixtures.LOADER;
import static dev.hardwire.config.Fixtures.PIN_A;
import static dev.hardwire.config.Fixtures.PIN_B;
import static dev.hardwire.config.Fixtures.SECRET;
import static dev.hardwire.config.Fixtures.indent;
import static dev.hardwire.config.Fixtures.json;
import static dev.hardwire.config.Fixtures.write;
import static dev.hardwire.config.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key refused for every way it can be wrong, with the line, column and a message that says why. */
class PolicyFileErrorsTest {
  @TempDir Path directory;

  static Stream<Arguments> refusedYaml() {
    return Stream.of(
        refused("minimumTlsVersion: \"1.1\"\n", 2, 20, "1.2 is the oldest TLS version that Hardwire allows"),
        refused("minimumTlsVersion: TLSv1.0\n", 2, 20, "1.2 is the oldest"),
        refused("minimumTlsVersion: SSLv3\n", 2, 20, "1.2 is the oldest"),
        refused("minimumTlsVersion: 1.3\n", 2, 20, "must be quoted, \"1.3\""),
        refused("minimumTlsVersion: TLSv1.3\n", 2, 20, "written as the version number alone: \"1.3\""),
        refused("minimumTlsVersion: \"2.0\"\n", 2, 20, "is not a TLS version"),
        refused("tlsProvider: openssl\n", 2, 14, "not one of jdk, conscrypt, bouncy-castle"),
        refused("tlsProvider: [jdk]\n", 2, 14, "tlsProvider must be a string, not a list"),
        refused("cleartextMode: allow\n", 2, 16, "not one of refuse, upgrade"),
        refused("maxRedirects: 21\n", 2, 15, "between 0 and 20"),
        refused("maxRedirects: -1\n", 2, 15, "whole number from 0 to 20"),
        refused("maxRedirects: \"5\"\n", 2, 15, "whole number from 0 to 20"),
        refused("maxRedirects: 2.5\n", 2, 15, "whole number"),
        refused("minimumTLSVersion: \"1.3\"\n", 2, 1,
            "Unknown key 'minimumTLSVersion': did you mean 'minimumTlsVersion'?"),
        refused("minimum_tls_version: \"1.3\"\n", 2, 1, "did you mean 'minimumTlsVersion'?"),
        refused("pin: []\n", 2, 1, "did you mean 'pins'?"),
        refused("proxy: corp:3128\n", 2, 1, "Unknown key 'proxy'. Known keys here: [$schema, version"),
        refused("sensitiveHeaders: [\"X Api\"]\n", 2, 20, "not allowed in an HTTP token"),
        refused("sensitiveHeaders: []\n", 2, 19, "empty list"),
        refused("sensitiveHeaders: X-Api-Key\n", 2, 19, "must be a list of strings, not a string"),
        refused("events: [telemetry]\n", 2, 10, "Attach telemetry, alerts or Micrometer in code"),
        refused("events: [log, log]\n", 2, 15, "logged twice"),
        refused("trustAnchors: [{}]\n", 2, 16, "needs exactly one of 'file'"),
        refused("trustAnchors: [{pem: nope}]\n", 2, 22, "holds no '-----BEGIN CERTIFICATE-----' block"),
        refused("trustAnchors: [{pem: x, file: y}]\n", 2, 16, "needs exactly one of"),
        refused("trustAnchors: [{file: root.pem}]\n", 2, 23, "has no directory to resolve it against"),
        refused("trustAnchors: [{fil: root.pem}]\n", 2, 17, "did you mean 'file'?"),
        refused("pins:\n  - host: api.example.com\n    pins: [" + PIN_A + "]\n", 4, 11, "has one pin and no backup"),
        refused("pins:\n  - host: api.example.com\n    pins: [" + PIN_A + ", " + PIN_A + "]\n", 4, 65,
            "repeats a pin"),
        refused("pins:\n  - host: api.example.com\n    pins: [sha1/AAAA, " + PIN_B + "]\n", 4, 12,
            "SHA-1 pins are not supported"),
        refused("pins:\n  - host: api.example.com\n    pins: [sha256/AAAA, " + PIN_B + "]\n", 4, 12,
            "decodes to 3 bytes, a SHA-256 hash has 32"),
        refused("pins:\n  - host: api.*.com\n    pins: [" + PIN_A + ", " + PIN_B + "]\n", 3, 11,
            "Invalid host pattern 'api.*.com'"),
        refused("pins:\n  - pins: [" + PIN_A + ", " + PIN_B + "]\n", 3, 5, "pins[0] is missing 'host'"),
        refused("pins:\n  - host: a.example.com\n    pins: [" + PIN_A + ", " + PIN_B + "]\n"
            + "  - host: A.EXAMPLE.COM\n    pins: [" + PIN_A + ", " + PIN_B + "]\n", 5, 11,
            "pins 'a.example.com' again"),
        refused("pins:\n  - host: a.example.com\n    pins: [" + PIN_A + ", " + PIN_B + "]\n    expires: 31/01/2027\n",
            5, 14, "is not a date"),
        refused("pins:\n  - host: a.example.com\n    pins: [" + PIN_A + ", " + PIN_B + "]\n    reportOnly: \"true\"\n",
            5, 17, "must be true or false"),
        refused("pins:\n  - host: a.example.com\n    pins: [" + PIN_A + ", " + PIN_B + "]\n"
            + "    expire: \"2030-01-01\"\n",
            5, 5, "did you mean 'expires'?"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: " + SECRET + "\n", 5, 12,
            "is a literal secret"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: $API_TOKEN\n", 5, 12,
            "looks like a shell variable"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:NOT_SET}\n", 5, 12,
            "environment variable NOT_SET, which is not set"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:EMPTY}\n", 5, 12,
            "which is empty"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:9X}\n", 5, 12,
            "is not a valid name"),
        refused("credentials:\n  - type: header\n    host: api.example.com\n    name: X-Key\n    value: ${file:}\n",
            6, 12, "without a path"),
        refused("credentials:\n  - type: header\n    host: api.example.com\n    name: X-Key\n"
            + "    value: ${file:/nonexistent/secret}\n", 6, 12, "cannot be read (NoSuchFileException)"),
        refused("credentials:\n  - type: header\n    host: api.example.com\n    name: Host\n"
            + "    value: ${env:API_TOKEN}\n", 3, 5, "is a protocol header"),
        refused("credentials:\n  - type: basic\n    host: api.example.com\n    username: a:b\n"
            + "    password: ${env:API_TOKEN}\n", 3, 5, "cannot contain ':'"),
        refused("credentials:\n  - type: basic\n    host: api.example.com\n    password: ${env:API_TOKEN}\n", 3, 5,
            "is missing 'username'"),
        refused("credentials:\n  - type: oauth\n    host: api.example.com\n", 3, 11,
            "not one of bearer, basic, header"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:API_TOKEN}\n"
            + "    methods: []\n", 6, 14, "empty list"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:API_TOKEN}\n"
            + "    pathPrefix: v1/\n", 3, 5, "must start with '/'"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:API_TOKEN}\n"
            + "    name: X-Key\n", 6, 5, "Unknown key 'name' in credentials[0]"),
        refused("credentials:\n  - type: bearer\n    host: api.example.com\n    token: ${env:API_TOKEN}\n"
            + "    methods: [\"GET \"]\n", 6, 14, "not allowed in an HTTP token"));
  }

  private static Arguments refused(String body, int line, int column, String message) {
    return Arguments.of("version: 1\n" + body, line, column, message);
  }

  @ParameterizedTest
  @MethodSource("refusedYaml")
  void refusesWithLineColumnAndReason(String yaml, int line, int column, String message) {
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> yaml(yaml));
    PolicyFileException.Problem problem = problemContaining(e, message);
    assertEquals(line + ":" + column, problem.line() + ":" + problem.column(), problem.toString());
    assertFalse(e.getMessage().contains(SECRET), "a secret leaked into: " + e.getMessage());
  }

  private static PolicyFileException.Problem problemContaining(PolicyFileException e, String message) {
    return e.problems().stream().filter(p -> p.message().contains(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem says '" + message + "' in:\n" + e.getMessage()));
  }

  @Test
  void refusesAFileWithoutVersionOrWithAnotherVersion() {
    assertProblem("minimumTlsVersion: \"1.3\"\n", 1, 1, "Missing 'version: 1'");
    assertProblem("version: 2\n", 1, 10, "Unsupported version 2: this Hardwire reads version 1");
    assertProblem("version: \"1\"\n", 1, 10, "Unsupported version \"1\"");
    assertProblem("", 1, 1, "The file is empty");
    assertProblem("- version: 1\n", 1, 1, "not a list");
  }

  @Test
  void refusesMalformedYamlAndJsonWithTheirLocation() {
    assertProblem("version: 1\npins: [\n", 3, 1, "Not valid YAML: while parsing a flow node: expected the node"
        + " content, but found '…'.");
    assertProblem("version: 1\nhost: &h api.example.com\ncleartextMode: *h\n", 3, 16, "YAML aliases");
    assertProblem("version: 1\nversion: 1\n", 2, 1, "Duplicate key 'version'");
    assertProblem("version: 1\n---\nversion: 1\n", 3, 1, "exactly one YAML document");
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> json("{\"version\": 1,\n  \"pins\": ]}"));
    assertEquals("policy (JSON stream):2:11", e.problems().get(0).toString().substring(0, 25));
    assertTrue(e.getMessage().contains("Not valid JSON"), e.getMessage());
  }

  @Test
  void aSyntaxErrorDoesNotEchoAPastedSecret() {
    PolicyFileException e = assertThrows(PolicyFileException.class,
        () -> json("{\"version\": 1, \"token\": " + SECRET + "}"));
    assertFalse(e.getMessage().contains(SECRET.substring(0, 6)), e.getMessage());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> yaml("version: 1\n"
        + "minimumTlsVersion: \"1.1\"\ncleartextMode: allow\nmaxRedirect: 3\n"));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("3 problems in the policy file:"), e.getMessage());
  }

  @Test
  void aResolvedSecretNeverAppearsInAProblem() {
    // The token resolves, but its control character makes the header invalid: core names the index only.
    PolicyLoader loader = PolicyLoader.builder().environment(java.util.Map.of("T", SECRET + "\u0001")).build();
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> loader.load(Fixtures.stream(
        "version: 1\ncredentials: [{type: bearer, host: a.example.com, token: \"${env:T}\"}]\n"), Format.YAML));
    assertTrue(e.getMessage().contains("control character"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  @Test
  void refusesTrustAnchorsThatAreNotCaCertificates() {
    String leaf = Fixtures.leaf().certificatePem();
    assertProblem("version: 1\ntrustAnchors:\n  - pem: |\n" + indent(leaf, 6), 3, 10, "is not a CA certificate");
    String key = Fixtures.root().privateKeyPkcs8Pem();
    assertProblem("version: 1\ntrustAnchors:\n  - pem: |\n" + indent(Fixtures.root().certificatePem() + key, 6),
        3, 10, "Remove the private key from this file and rotate it");
    assertProblem("version: 1\ntrustAnchors:\n  - pem: |\n      -----BEGIN CERTIFICATE-----\n      AAAA\n"
        + "      -----END CERTIFICATE-----\n", 3, 10, "not a valid X.509 certificate");
  }

  @Test
  void relativePathsInAFileResolveBesideIt() {
    Path file = write(directory, "policy.yaml", "version: 1\ntrustAnchors: [{file: missing.pem}]\n");
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> LOADER.load(file));
    assertTrue(e.getMessage().contains(directory.resolve("missing.pem").toString()), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":2:23: "), e.getMessage());
  }

  @Test
  void aBadFileYieldsNoPolicyEvenWhenMostOfItIsValid() {
    // One bad key among good ones: load throws, so no caller can end up with the rest applied.
    List<String> valid = List.of("minimumTlsVersion: \"1.2\"", "cleartextMode: upgrade", "maxRedirects: 3");
    String yaml = "version: 1\n" + String.join("\n", valid) + "\nevents: [stdout]\n";
    assertThrows(PolicyFileException.class, () -> yaml(yaml));
  }

  private static void assertProblem(String yaml, int line, int column, String message) {
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> yaml(yaml));
    PolicyFileException.Problem problem = problemContaining(e, message);
    assertEquals(line + ":" + column, problem.line() + ":" + problem.column(), problem.toString());
  }
}
