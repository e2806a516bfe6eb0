package dev.hardwire.audit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlClassifierTest {
  @Test
  void agreesWithTheScannerOnWhatIsAnEndpoint() {
    assertEquals(UrlClassifier.Verdict.UPGRADE,
        UrlClassifier.classify("http://api.acme.io/v1", List.of("baseUrl")));
    assertEquals(UrlClassifier.Verdict.NOT_AN_ENDPOINT,
        UrlClassifier.classify("http://www.w3.org/2000/svg", List.of()));
    assertEquals(UrlClassifier.Verdict.NOT_AN_ENDPOINT,
        UrlClassifier.classify("http://acme.io/ns", List.of("namespace")));
    assertEquals(UrlClassifier.Verdict.NOT_AN_ENDPOINT,
        UrlClassifier.classify("http://acme.github.io", List.of("homepage")));
    assertEquals(UrlClassifier.Verdict.LOOPBACK,
        UrlClassifier.classify("http://localhost:8080/", List.of()));
    assertEquals(UrlClassifier.Verdict.REVIEW,
        UrlClassifier.classify("http://billing.internal/", List.of()));
    assertEquals(UrlClassifier.Verdict.REVIEW,
        UrlClassifier.classify("http://api.acme.io:8080/", List.of()));
  }
}
