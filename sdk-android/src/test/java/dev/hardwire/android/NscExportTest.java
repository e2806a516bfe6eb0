package dev.hardwire.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import dev.hardwire.android.internal.NscCommandLine;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public final class NscExportTest {
  private static final String PIN_A = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String PIN_B = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";
  private static final String PIN_C = "sha256/CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=";
  private static final TestPki PKI = TestPki.create();
  private static final TestPki OTHER_PKI = TestPki.create();

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  private final SecurityPolicy policy = SecurityPolicy.builder()
      .trustAnchors(Arrays.asList(PKI.root(), OTHER_PKI.root()))
      .pin("api.example.com", PIN_A, PIN_B)
      .pin("**.cdn.example.com", PIN_B, PIN_C)
      .pin("*.tenants.example.net", PIN_A, PIN_C)
      .pinExpiration("api.example.com", Instant.parse("2027-01-31T18:00:00Z"))
      .pinReportOnly("beta.example.com", PIN_A, PIN_B)
      .build();

  @Test
  public void roundTripsEveryEnforcedRuleOfThePolicy() throws Exception {
    NscExport export = NscExport.of(policy);
    Document config = parse(export.xml());

    Element base = single(config.getDocumentElement(), "base-config");
    assertEquals("false", base.getAttribute("cleartextTrafficPermitted"));
    List<X509Certificate> anchors = new ArrayList<>();
    for (Element certificates : children(single(base, "trust-anchors"), "certificates")) {
      String src = certificates.getAttribute("src");
      assertTrue(src, src.startsWith("@raw/"));
      anchors.add(parsePem(export.rawResources().get(src.substring("@raw/".length()))));
    }
    assertEquals(policy.trustAnchors(), anchors);

    Map<String, HostPins> expected = new LinkedHashMap<>();
    for (HostPins pins : policy.pins()) {
      if (!pins.reportOnly()) expected.put(pins.hostPattern(), pins);
    }
    Map<String, HostPins> actual = new LinkedHashMap<>();
    for (Element domainConfig : children(config.getDocumentElement(), "domain-config")) {
      assertEquals("false", domainConfig.getAttribute("cleartextTrafficPermitted"));
      Element domain = single(domainConfig, "domain");
      Element pinSet = single(domainConfig, "pin-set");
      List<String> pins = new ArrayList<>();
      for (Element pin : children(pinSet, "pin")) {
        assertEquals("SHA-256", pin.getAttribute("digest"));
        pins.add("sha256/" + pin.getTextContent());
      }
      String pattern = (Boolean.parseBoolean(domain.getAttribute("includeSubdomains")) ? "**." : "")
          + domain.getTextContent();
      SecurityPolicy.Builder parsed = SecurityPolicy.builder().pin(pattern, pins.toArray(new String[0]));
      if (pinSet.hasAttribute("expiration")) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        parsed.pinExpiration(pattern, format.parse(pinSet.getAttribute("expiration")).toInstant());
      }
      actual.put(pattern, parsed.build().pins().get(0));
    }
    assertEquals(Arrays.asList("api.example.com", "**.cdn.example.com", "**.tenants.example.net"),
        new ArrayList<>(actual.keySet()));
    assertEquals(expected.get("api.example.com").pins(), actual.get("api.example.com").pins());
    assertEquals(Instant.parse("2027-01-31T00:00:00Z"), actual.get("api.example.com").expiresAt());
    assertEquals(expected.get("**.cdn.example.com"), actual.get("**.cdn.example.com"));
    // *.host has no NSC equivalent: exported wider (the domain and every subdomain), never narrower.
    assertEquals(expected.get("*.tenants.example.net").pins(), actual.get("**.tenants.example.net").pins());
    assertFalse(export.xml(), export.xml().contains("<domain includeSubdomains=\"false\">beta.example.com"));
    assertFalse(export.xml().contains("debug-overrides"));
  }

  @Test
  public void usesSystemAnchorsWhenThePolicyHasNoPrivateRoots() throws Exception {
    NscExport export = NscExport.of(SecurityPolicy.strict());
    Element anchors = single(single(parse(export.xml()).getDocumentElement(), "base-config"), "trust-anchors");
    assertEquals("system", single(anchors, "certificates").getAttribute("src"));
    assertTrue(export.rawResources().isEmpty());
    assertTrue(children(parse(export.xml()).getDocumentElement(), "domain-config").isEmpty());
  }

  @Test
  public void expirationDateNeverOutlivesThePolicyInAnyTimeZone() throws Exception {
    for (String instant : new String[] {"2027-01-31T00:00:00Z", "2027-01-31T11:59:59Z", "2027-01-31T12:00:00Z",
        "2027-01-31T23:59:59Z"}) {
      Instant expiresAt = Instant.parse(instant);
      SecurityPolicy expiring = SecurityPolicy.builder()
          .pin("api.example.com", PIN_A, PIN_B).pinExpiration("api.example.com", expiresAt).build();
      Element pinSet = single(single(parse(NscExport.of(expiring).xml()).getDocumentElement(), "domain-config"),
          "pin-set");
      String date = pinSet.getAttribute("expiration");
      long latestMidnight = Long.MIN_VALUE;
      // NSC parses the date as local midnight on the device.
      for (String zone : TimeZone.getAvailableIDs()) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone(zone));
        long midnight = format.parse(date).getTime();
        assertTrue(date + " in " + zone + " outlives " + instant, midnight <= expiresAt.toEpochMilli());
        latestMidnight = Math.max(latestMidnight, midnight);
      }
      assertTrue(instant + " -> " + date, expiresAt.toEpochMilli() - latestMidnight < 24L * 60 * 60 * 1000);
    }
  }

  @Test
  public void refusesTwoPatternsThatShareAnNscDomain() {
    SecurityPolicy clash = SecurityPolicy.builder()
        .pin("example.com", PIN_A, PIN_B)
        .pin("**.example.com", PIN_B, PIN_C)
        .build();
    try {
      NscExport.of(clash);
      fail();
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("'example.com' and '**.example.com'"));
    }
  }

  @Test
  public void writesTheConfigAndRootsIntoAResDirectory() throws Exception {
    File res = folder.newFolder("res");
    NscExport export = NscExport.of(policy);
    export.writeTo(res);
    assertEquals(export.xml(), read(new File(res, "xml/network_security_config.xml")));
    assertEquals(PKI.root(), parsePem(read(new File(res, "raw/hardwire_root_0.pem"))));
    assertEquals(OTHER_PKI.root(), parsePem(read(new File(res, "raw/hardwire_root_1.pem"))));
  }

  @Test
  public void commandLineWritesTheSameConfigAsTheApi() throws Exception {
    File root = folder.newFile("root.pem");
    Files.write(root.toPath(), NscExport.of(PKI.policyBuilder().build()).rawResources().get("hardwire_root_0")
        .getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = NscCommandLine.run(new String[] {"--trust-anchor", root.getPath(),
        "--pin", "api.example.com=" + PIN_A + "," + PIN_B,
        "--pin-expiration", "api.example.com=2027-01-31T18:00:00Z"}, new PrintStream(out, true, "UTF-8"), System.err);
    assertEquals(0, status);
    SecurityPolicy same = PKI.policyBuilder()
        .pin("api.example.com", PIN_A, PIN_B)
        .pinExpiration("api.example.com", Instant.parse("2027-01-31T18:00:00Z"))
        .build();
    assertEquals(NscExport.of(same).xml(), new String(out.toByteArray(), StandardCharsets.UTF_8));
  }

  @Test
  public void commandLineRejectsABadPinWithUsage() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = NscCommandLine.run(new String[] {"--pin", "api.example.com=sha256/short"}, System.out,
        new PrintStream(err, true, "UTF-8"));
    assertEquals(2, status);
    String message = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(message, message.contains("usage: NscExport"));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element && nodes.item(i).getNodeName().equals(name)) result.add((Element) nodes.item(i));
    }
    return result;
  }

  private static Element single(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertEquals(name + " in " + parent.getNodeName(), 1, found.size());
    return found.get(0);
  }

  private static X509Certificate parsePem(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String read(File file) throws Exception {
    return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
  }
}
