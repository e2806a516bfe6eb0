package dev.hardwire.config;

import static dev.hardwire.config.Fixtures.LOADER;
import static dev.hardwire.config.Fixtures.PIN_A;
import static dev.hardwire.config.Fixtures.PIN_B;
import static dev.hardwire.config.Fixtures.PIN_C;
import static dev.hardwire.config.Fixtures.SECRET;
import static dev.hardwire.config.Fixtures.indent;
import static dev.hardwire.config.Fixtures.json;
import static dev.hardwire.config.Fixtures.stream;
import static dev.hardwire.config.Fixtures.write;
import static dev.hardwire.config.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.Credential;
import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityEventLogger;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.SecurityTelemetry;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
  @TempDir Path directory;

  @Test
  void versionAloneIsTheStrictPolicy() throws Exception {
    assertEquals(SecurityPolicy.strict(), yaml("version: 1\n"));
    assertEquals(SecurityPolicy.strict(), json("{\"version\": 1}"));
  }

  @Test
  void readsTlsProviderCleartextAndRedirects() throws Exception {
    SecurityPolicy policy = yaml("version: 1\nminimumTlsVersion: \"1.2\"\ntlsProvider: jdk\n"
        + "cleartextMode: upgrade\nmaxRedirects: 0\n");
    assertEquals(TlsVersion.TLS_1_2, policy.minimumTlsVersion());
    assertEquals(TlsProvider.JDK, policy.tlsProvider());
    assertEquals(CleartextMode.UPGRADE, policy.cleartextMode());
    assertEquals(0, policy.maxRedirects());
    SecurityPolicy strict = json("{\"version\": 1, \"minimumTlsVersion\": \"1.3\", \"cleartextMode\": \"refuse\","
        + " \"maxRedirects\": 20}");
    assertEquals(TlsVersion.TLS_1_3, strict.minimumTlsVersion());
    assertEquals(CleartextMode.REFUSE, strict.cleartextMode());
    assertEquals(20, strict.maxRedirects());
  }

  @Test
  void readsEveryProviderThatIsOnTheClassPath() throws Exception {
    // Conscrypt and Bouncy Castle are not test dependencies here: the build check in core names them.
    PolicyFileException e = assertThrows(PolicyFileException.class,
        () -> yaml("version: 1\ntlsProvider: bouncy-castle\n"));
    assertEquals(2, e.problems().get(0).line());
    assertTrue(e.getMessage().contains("bcprov") || e.getMessage().contains("Bouncy"), e.getMessage());
  }

  @Test
  void readsPinsWithExpiryAndReportOnly() throws Exception {
    SecurityPolicy policy = yaml("version: 1\npins:\n"
        + "  - host: API.Example.com\n    pins: [" + PIN_A + ", " + PIN_B + "]\n    expires: \"2031-06-30\"\n"
        + "  - host: \"*.cdn.example.com\"\n    pins: [" + PIN_C + "]\n    reportOnly: true\n"
        + "    expires: \"2031-06-30T12:30:00+02:00\"\n"
        + "  - host: \"**.example.org\"\n    pins: [" + PIN_A + ", " + PIN_C + "]\n    reportOnly: false\n");
    List<HostPins> pins = policy.pins();
    assertEquals(3, pins.size());
    assertEquals("api.example.com", pins.get(0).hostPattern());
    assertEquals(List.of(PIN_A, PIN_B), pins.get(0).pins());
    assertFalse(pins.get(0).reportOnly());
    assertEquals(Instant.parse("2031-06-30T00:00:00Z"), pins.get(0).expiresAt());
    assertTrue(pins.get(1).reportOnly());
    assertEquals(Instant.parse("2031-06-30T10:30:00Z"), pins.get(1).expiresAt());
    assertNull(pins.get(2).expiresAt());
    assertFalse(pins.get(2).reportOnly());
  }

  @Test
  void readsTrustAnchorsFromFilesRelativeToThePolicyAndInline() throws Exception {
    String pem = Fixtures.root().certificatePem();
    write(directory, "certs/root.pem", "Our root, rotated yearly.\n" + pem);
    Path policyFile = write(directory, "policy.yaml", "version: 1\ntrustAnchors:\n  - file: certs/root.pem\n"
        + "  - pem: |\n" + indent(pem, 6));
    SecurityPolicy policy = LOADER.load(policyFile);
    assertEquals(2, policy.trustAnchors().size());
    assertEquals(Fixtures.root().certificate(), policy.trustAnchors().get(0));
    assertEquals(Fixtures.root().certificate(), policy.trustAnchors().get(1));
  }

  @Test
  void streamsResolveRelativePathsAgainstTheBaseDirectory() throws Exception {
    write(directory, "root.pem", Fixtures.root().certificatePem());
    PolicyLoader loader = PolicyLoader.builder().baseDirectory(directory).build();
    SecurityPolicy policy = loader.load(stream("version: 1\ntrustAnchors: [{file: root.pem}]\n"), Format.YAML);
    assertEquals(List.of(Fixtures.root().certificate()), policy.trustAnchors());
  }

  @Test
  void readsEveryCredentialKindWithItsScope() throws Exception {
    write(directory, "secrets/key", "key-from-file\n");
    Path file = write(directory, "policy.yaml", "version: 1\ncredentials:\n"
        + "  - type: bearer\n    host: api.example.com\n    token: ${env:API_TOKEN}\n    pathPrefix: /v2/\n"
        + "  - type: basic\n    host: reports.example.com\n    username: reporting\n"
        + "    password: ${env:REPORTS_PASSWORD}\n    methods: [get, HEAD]\n"
        + "  - type: basic\n    host: ftp.example.com\n    username: ${env:API_TOKEN}\n"
        + "    password: ${env:REPORTS_PASSWORD}\n"
        + "  - type: header\n    host: \"**.partner.example.net\"\n    name: X-Api-Key\n"
        + "    value: ${file:secrets/key}\n");
    List<Credential> credentials = LOADER.load(file).credentials();
    assertEquals(Credential.bearer("api.example.com", SECRET).onlyUnderPath("/v2/"), credentials.get(0));
    assertEquals(Credential.basic("reports.example.com", "reporting", SECRET + "-pw").onlyForMethods("GET", "HEAD"),
        credentials.get(1));
    assertEquals(Credential.basic("ftp.example.com", SECRET, SECRET + "-pw"), credentials.get(2));
    assertEquals(Credential.header("**.partner.example.net", "X-Api-Key", "key-from-file"), credentials.get(3));
  }

  @Test
  void secretFilesLoseTrailingNewlinesOnly() throws Exception {
    write(directory, "crlf", "  padded key\r\n\n");
    Path file = write(directory, "p.json", "{\"version\": 1, \"credentials\": [{\"type\": \"header\","
        + " \"host\": \"example.com\", \"name\": \"X-Key\", \"value\": \"${file:crlf}\"}]}");
    assertEquals("  padded key", LOADER.load(file).credentials().get(0).headerValue());
  }

  @Test
  void environmentComesFromTheLoaderNotTheProcess() throws Exception {
    PolicyLoader other = PolicyLoader.builder().environment(Map.of("API_TOKEN", "other")).build();
    String text = "version: 1\ncredentials: [{type: bearer, host: example.com, token: \"${env:API_TOKEN}\"}]\n";
    assertEquals("Bearer other", other.load(stream(text), Format.YAML).credentials().get(0).headerValue());
  }

  @Test
  void readsSensitiveHeadersAndTheLogSink() throws Exception {
    SecurityPolicy policy = yaml("version: 1\nsensitiveHeaders: [X-Session, x-trace-secret]\nevents: [log]\n");
    assertEquals(Set.of("x-session", "x-trace-secret"), policy.sensitiveHeaders());
    assertEquals(1, policy.eventListeners().size());
    assertInstanceOf(SecurityEventLogger.class, policy.eventListeners().get(0));
  }

  @Test
  void loadBuilderLetsCodeAddListeners() throws Exception {
    Path file = write(directory, "policy.yml", "version: 1\nminimumTlsVersion: \"1.2\"\n");
    SecurityTelemetry telemetry = new SecurityTelemetry();
    SecurityPolicy policy = LOADER.loadBuilder(file).eventListener(telemetry).build();
    assertEquals(TlsVersion.TLS_1_2, policy.minimumTlsVersion());
    assertEquals(List.of(telemetry), policy.eventListeners());
    assertEquals(TlsVersion.TLS_1_3, PolicyFiles.loadBuilder(stream("version: 1"), Format.YAML).build()
        .minimumTlsVersion());
  }

  @Test
  void picksTheFormatByExtension() throws Exception {
    assertEquals(SecurityPolicy.strict(), PolicyFiles.load(write(directory, "a.JSON", "{\"version\": 1}")));
    assertEquals(SecurityPolicy.strict(), PolicyFiles.load(write(directory, "a.yaml", "version: 1")));
    assertEquals(SecurityPolicy.strict(), PolicyFiles.load(write(directory, "a.yml", "version: 1")));
    PolicyFileException e = assertThrows(PolicyFileException.class,
        () -> PolicyFiles.load(write(directory, "policy.conf", "version: 1")));
    assertTrue(e.getMessage().contains("*.json, *.yaml or *.yml"), e.getMessage());
  }

  @Test
  void aMissingFileIsThePolicyFileException() {
    PolicyFileException e = assertThrows(PolicyFileException.class,
        () -> PolicyFiles.load(directory.resolve("absent.yaml")));
    assertTrue(e.getMessage().contains("NoSuchFileException"), e.getMessage());
  }

  @Test
  void examplesLoadAndYamlEqualsJson() throws Exception {
    // The examples' secret file lives beside the policy, as a mounted secret would.
    PolicyLoader loader = PolicyLoader.builder().environment(Fixtures.ENVIRONMENT).build();
    Path copy = directory.resolve("examples");
    for (String name : List.of("policy.yaml", "policy.json", "certs/internal-ca.pem")) {
      write(copy, name, java.nio.file.Files.readString(Fixtures.EXAMPLES.resolve(name)));
    }
    write(copy, "secrets/partner-api-key", "partner-key\n");
    SecurityPolicy fromYaml = loader.load(copy.resolve("policy.yaml"));
    SecurityPolicy fromJson = loader.load(copy.resolve("policy.json"));
    assertEquals(withoutListeners(fromYaml), withoutListeners(fromJson));
    assertEquals(3, fromYaml.credentials().size());
    assertEquals(2, fromYaml.pins().size());
    assertEquals(1, fromYaml.trustAnchors().size());
    assertEquals(SecurityPolicy.strict(), loader.load(Fixtures.EXAMPLES.resolve("minimal.yaml")));
    assertEquals(CleartextMode.UPGRADE, loader.load(Fixtures.EXAMPLES.resolve("mobile-rollout.yaml")).cleartextMode());
  }

  @Test
  void theReadmeShowsTheExamplesAsTheyAre() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    for (String example : List.of("policy.yaml", "policy.json")) {
      assertTrue(readme.contains(java.nio.file.Files.readString(Fixtures.EXAMPLES.resolve(example))),
          "README.md no longer shows examples/" + example + " verbatim");
    }
  }

  /** Listeners compare by identity; each load makes its own logger. */
  static SecurityPolicy withoutListeners(SecurityPolicy policy) {
    SecurityPolicy.Builder builder = SecurityPolicy.builder()
        .minimumTlsVersion(policy.minimumTlsVersion())
        .tlsProvider(policy.tlsProvider())
        .cleartextMode(policy.cleartextMode())
        .maxRedirects(policy.maxRedirects())
        .clock(policy.clock());
    if (!policy.trustAnchors().isEmpty()) builder.trustAnchors(policy.trustAnchors());
    for (HostPins pins : policy.pins()) {
      String[] array = pins.pins().toArray(new String[0]);
      if (pins.reportOnly()) builder.pinReportOnly(pins.hostPattern(), array);
      else builder.pin(pins.hostPattern(), array);
      if (pins.expiresAt() != null) builder.pinExpiration(pins.hostPattern(), pins.expiresAt());
    }
    policy.sensitiveHeaders().forEach(builder::sensitiveHeaders);
    policy.credentials().forEach(builder::credential);
    return builder.build();
  }
}
