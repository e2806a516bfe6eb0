package dev.hardwire.audit.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardwire.audit.scan.Finding;
import dev.hardwire.audit.scan.Rule;
import dev.hardwire.audit.scan.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings accepted as known. The baseline file is a report written by {@code audit --format
 * json}: run it once, commit the file, and later runs report only what is new. A finding matches
 * by file, rule, masked URL and occurrence (see {@link Fingerprints}), not by line, so edits
 * elsewhere in a file keep it accepted.
 */
public final class Baseline {
  private final Set<String> accepted;

  private Baseline(Set<String> accepted) {
    this.accepted = accepted;
  }

  /**
   * Reads a baseline written by {@code --format json}.
   *
   * @throws IOException if the file cannot be read or is not such a report; the message says
   *     how to make one
   */
  public static Baseline load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read baseline " + file + " (" + e.getMessage()
          + "); create one with: audit --format json PATH > " + file, e);
    }
    JsonNode findings = root == null ? null : root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new IOException("baseline " + file + " has no \"findings\" array; create one with:"
          + " audit --format json PATH > " + file);
    }
    List<Finding> known = new ArrayList<>();
    for (JsonNode node : findings) {
      try {
        known.add(new Finding(node.path("file").asText(), node.path("line").asInt(1),
            node.path("column").asInt(1), node.path("url").asText(),
            Rule.ofId(node.path("rule").asText()), Severity.parse(node.path("severity").asText()),
            node.path("message").asText(), false));
      } catch (IllegalArgumentException e) {
        throw new IOException("baseline " + file + " has an entry that is not a finding ("
            + e.getMessage() + "); regenerate it with: audit --format json PATH > " + file, e);
      }
    }
    known.sort(Finding.BY_LOCATION);
    return new Baseline(new HashSet<>(Fingerprints.of(known)));
  }

  /** The findings (sorted by location) that the baseline does not accept. */
  public List<Finding> newFindings(List<Finding> findings) {
    List<String> fingerprints = Fingerprints.of(findings);
    List<Finding> fresh = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (!accepted.contains(fingerprints.get(i))) {
        fresh.add(findings.get(i));
      }
    }
    return fresh;
  }
}
