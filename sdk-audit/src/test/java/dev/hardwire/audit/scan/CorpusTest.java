package dev.hardwire.audit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on a corpus of realistic files (poms, Spring XML, manifests, code in
 * every supported language, compose, Kubernetes, nginx, Terraform, Ansible, .env, ...) whose
 * expected findings are labelled by hand in {@code corpus-expected.tsv}.
 */
class CorpusTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CorpusTest.class.getResource("/" + name).toURI());
  }

  @Test
  void findsTheLabelledEndpointsAndNothingElse() throws Exception {
    Map<String, String> expected = new HashMap<>();
    for (String line : Files.readAllLines(resource("corpus-expected.tsv"),
        StandardCharsets.UTF_8)) {
      String[] cells = line.split("\t");
      expected.put(cells[0] + ":" + cells[1] + " " + cells[2], cells[3]);
    }
    ScanResult result = new Scanner(false, true, warning -> { }, Set.of()).scan(resource("corpus"));
    Map<String, String> actual = new HashMap<>();
    for (Finding f : result.findings()) {
      actual.put(f.file() + ":" + f.line() + " " + f.rule().id(), f.severity().id());
    }
    Set<String> truePositives = new HashSet<>(actual.keySet());
    truePositives.retainAll(expected.keySet());
    double precision = (double) truePositives.size() / actual.size();
    double recall = (double) truePositives.size() / expected.size();
    Set<String> falsePositives = new TreeSet<>(actual.keySet());
    falsePositives.removeAll(expected.keySet());
    Set<String> missed = new TreeSet<>(expected.keySet());
    missed.removeAll(actual.keySet());
    System.out.printf("corpus: %d files, %d expected, %d reported, precision %.3f, recall %.3f%n",
        result.files(), expected.size(), actual.size(), precision, recall);
    assertTrue(precision >= 0.95, "precision " + precision + "; false positives " + falsePositives);
    assertTrue(recall >= 0.95, "recall " + recall + "; missed " + missed);
    for (String key : truePositives) {
      assertEquals(expected.get(key), actual.get(key), "severity of " + key);
    }
  }

  @Test
  void skipsVendoredIgnoredAndBinaryFilesUnlessAsked() throws Exception {
    Set<String> files = files(new Scanner(false, true, warning -> { }, Set.of()));
    assertTrue(files.contains("ignored/keep.local.yaml"));
    for (String skipped : List.of("node_modules/leftpad/index.js",
        "ignored/generated/client.js", "ignored/dev.local.yaml", "ignored/blob.json")) {
      assertTrue(!files.contains(skipped), skipped);
    }
    Set<String> everything = files(new Scanner(true, false, warning -> { }, Set.of()));
    assertTrue(everything.contains("node_modules/leftpad/index.js"));
    assertTrue(everything.contains("ignored/generated/client.js"));
    assertTrue(!everything.contains("ignored/blob.json"), "binary files are never read");
  }

  @Test
  void hardwirePolicyWithUpgradeCoversItsFolder() throws Exception {
    Set<String> files = files(new Scanner(false, true, warning -> { }, Set.of()));
    assertTrue(files.stream().noneMatch(f -> f.startsWith("upgraded/")));
    assertTrue(files.stream().noneMatch(f -> f.equals("java/UpgradedClient.java")));
  }

  @Test
  void aSingleFileIsReportedByItsName() throws Exception {
    ScanResult result = new Scanner(false, true, warning -> { }, Set.of())
        .scan(resource("corpus/go/main.go"));
    assertEquals(Set.of("main.go"), fileSet(result));
  }

  private static Set<String> files(Scanner scanner) throws IOException, URISyntaxException {
    return fileSet(scanner.scan(resource("corpus")));
  }

  private static Set<String> fileSet(ScanResult result) {
    Set<String> files = new TreeSet<>();
    result.findings().forEach(f -> files.add(f.file()));
    return files;
  }
}
