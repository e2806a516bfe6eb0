package dev.hardwire.audit.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.Scanner;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixerTest {
  @TempDir Path root;

  private List<Finding> scan() throws IOException {
    return new Scanner(false, true, w -> { }, java.util.Set.of()).scan(root).findings();
  }

  private List<Fixer.FileFix> fix(String name, String text) throws IOException {
    Files.writeString(root.resolve(name), text);
    List<Fixer.FileFix> plan = Fixer.plan(root, scan());
    Fixer.apply(plan);
    return plan;
  }

  @Test
  void upgradesJsonAndItStillParsesToTheSameTreeButTheUrl() throws IOException {
    String json = "{\"api\": \"http://api.acme.io/v1\", \"n\": 1,"
        + " \"local\": \"http://localhost:8080\","
        + " \"$schema\": \"http://json-schema.org/draft-07/schema#\"}";
    fix("a.json", json);
    String fixed = Files.readString(root.resolve("a.json"));
    var mapper = new ObjectMapper();
    var expected = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
    expected.put("api", "https://api.acme.io/v1");
    assertEquals(expected, mapper.readTree(fixed));
  }

  @Test
  void upgradesXmlValuesButNeverNamespaces() throws IOException {
    String xml = "<?xml version=\"1.0\"?>\n"
        + "<beans xmlns=\"http://www.springframework.org/schema/beans\">\n"
        + "  <bean p=\"http://api.acme.io/soap\"><url>http://feed.acme.io</url></bean>\n</beans>\n";
    fix("beans.xml", xml);
    String fixed = Files.readString(root.resolve("beans.xml"));
    assertEquals(xml.replace("http://api", "https://api").replace("http://feed", "https://feed"),
        fixed);
  }

  @Test
  void upgradesPropertiesAndDropsTheDefaultPort() throws IOException {
    String properties = "a=http\\://api.acme.io\\:80/x\nb=http://feed.acme.io:8080/\nc=1\n";
    fix("app.properties", properties);
    Properties fixed = new Properties();
    fixed.load(new StringReader(Files.readString(root.resolve("app.properties"))));
    assertEquals("https://api.acme.io/x", fixed.getProperty("a"));
    assertEquals("http://feed.acme.io:8080/", fixed.getProperty("b"), "custom ports stay");
  }

  @Test
  void leavesLoopbackInternalAndTemplatedHostsAlone() throws IOException {
    String yaml = "a: http://localhost:8080\nb: http://backend\nc: http://${HOST}/x\n"
        + "d: http://api.acme.io\n";
    fix("a.yaml", yaml);
    assertEquals(yaml.replace("d: http://", "d: https://"),
        Files.readString(root.resolve("a.yaml")));
  }

  @Test
  void neverTouchesAFileItCannotParseBack() throws IOException {
    String broken = "{\"api\": \"http://api.acme.io/v1\", ";
    List<Fixer.FileFix> plan = fix("broken.json", broken);
    assertEquals(broken, Files.readString(root.resolve("broken.json")));
    assertNotNull(plan.get(0).refusal());
    assertTrue(plan.get(0).refusal().startsWith("cannot parse it"));
  }

  @Test
  void refusesAChangeThatAltersMoreThanTheUrl() {
    assertNotNull(Equivalence.problem("a.json", "{\"http://a.io\": 1}", "{\"https://a.io\": 1}"));
    assertNotNull(Equivalence.problem("a.json", "{\"a\": 1}", "{\"a\": 2}"));
    assertNotNull(Equivalence.problem("a.xml", "<a xmlns=\"http://n.io\"/>",
        "<a xmlns=\"https://n.io\"/>"));
    assertNotNull(Equivalence.problem("a.yaml", "%TAG ! http://t.io/\n", "%TAG ! https://t.io/\n"));
    assertNull(Equivalence.problem("a.xml", "<a b=\"http://x.io:80/\"/>",
        "<a b=\"https://x.io/\"/>"));
  }

  @Test
  void dryRunShowsARedactedDiffAndWritesNothing() throws IOException {
    String yaml = "name: svc\nurl: http://api.acme.io/x?token=s3cr3t\npassword: hunter2\n";
    Files.writeString(root.resolve("a.yaml"), yaml);
    List<Fixer.FileFix> plan = Fixer.plan(root, scan());
    String diff = plan.get(0).diff();
    assertTrue(diff.contains("-url: http://api.acme.io/x?token=***"), diff);
    assertTrue(diff.contains("+url: https://api.acme.io/x?token=***"), diff);
    assertTrue(diff.startsWith("--- a/a.yaml\n+++ b/a.yaml\n@@ -1,3 +1,3 @@\n"), diff);
    assertFalse(diff.contains("s3cr3t") || diff.contains("hunter2"), diff);
    assertEquals(yaml, Files.readString(root.resolve("a.yaml")));
  }

  @Test
  void aSecondRunFindsNothingLeftToFix() throws IOException {
    fix("a.yaml", "a: http://api.acme.io\nb: ws://feed.acme.io/live\n");
    assertEquals("a: https://api.acme.io\nb: wss://feed.acme.io/live\n",
        Files.readString(root.resolve("a.yaml")));
    assertEquals(List.of(), scan());
  }
}
