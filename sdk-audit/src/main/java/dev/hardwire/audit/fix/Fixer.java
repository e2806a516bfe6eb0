package dev.hardwire.audit.fix;

import dev.hardwire.audit.scan.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code audit --fix}: rewrites fixable findings ({@link Finding#fixable()}) from http to https
 * and ws to wss in place. A file is only written when the rewritten text still parses to the
 * same content apart from those URLs ({@link Equivalence}); otherwise it is left untouched and
 * the reason reported.
 */
public final class Fixer {
  /** The outcome for one file. */
  public record FileFix(String file, Path path, String original, String fixed,
      List<Finding> fixedFindings, String refusal) {
    /** The preview of the change; empty when the file is refused. */
    public String diff() {
      return refusal == null ? UnifiedDiff.of(file, original, fixed) : "";
    }
  }

  private Fixer() {
  }

  /**
   * Plans the rewrite of every fixable finding under {@code root} without writing anything.
   *
   * @param root the scanned folder (or file) that the findings' paths are relative to
   */
  public static List<FileFix> plan(Path root, List<Finding> findings) {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (finding.fixable()) {
        byFile.computeIfAbsent(finding.file(), f -> new ArrayList<>()).add(finding);
      }
    }
    List<FileFix> fixes = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
      Path path = Files.isDirectory(root) ? root.resolve(entry.getKey()) : root;
      try {
        fixes.add(planFile(entry.getKey(), path, entry.getValue()));
      } catch (IOException e) {
        fixes.add(new FileFix(entry.getKey(), path, "", "", List.of(),
            "cannot read it as UTF-8 (" + e.getMessage() + ")"));
      }
    }
    return fixes;
  }

  private static FileFix planFile(String file, Path path, List<Finding> findings)
      throws IOException {
    String original = Files.readString(path, StandardCharsets.UTF_8);
    int[] lineStarts = lineStarts(original);
    int bom = original.startsWith("\uFEFF") ? 1 : 0; // the scanner's columns exclude it
    String fixed = original;
    List<Finding> done = new ArrayList<>();
    // Back to front, so that earlier offsets stay valid as the text grows and shrinks.
    for (int i = findings.size() - 1; i >= 0; i--) {
      Finding finding = findings.get(i);
      int offset = lineStarts[finding.line() - 1] + finding.column() - 1
          + (finding.line() == 1 ? bom : 0);
      String upgraded = UrlUpgrade.apply(fixed, offset);
      if (upgraded != null) {
        fixed = upgraded;
        done.add(0, finding);
      }
    }
    String refusal = Equivalence.problem(path.getFileName().toString(), original, fixed);
    if (refusal != null) {
      return new FileFix(file, path, original, original, List.of(), refusal);
    }
    return new FileFix(file, path, original, fixed, done, null);
  }

  /** Writes the planned files that were not refused, each atomically. */
  public static void apply(List<FileFix> fixes) throws IOException {
    for (FileFix fix : fixes) {
      if (fix.refusal() == null && !fix.fixedFindings().isEmpty()) {
        Path temporary = fix.path().resolveSibling(fix.path().getFileName() + ".hardwire-fix");
        Files.writeString(temporary, fix.fixed(), StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(fix.path()));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the new file keeps the default permissions
        }
        Files.move(temporary, fix.path(), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
