package dev.hardwire.config.internal;

import dev.hardwire.config.PolicyFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file, so that one run reports them all. */
final class Problems {
  private static final Comparator<PolicyFileException.Problem> IN_FILE_ORDER =
      new Comparator<PolicyFileException.Problem>() {
        @Override
        public int compare(PolicyFileException.Problem a, PolicyFileException.Problem b) {
          return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
        }
      };

  final String source;
  private final List<PolicyFileException.Problem> problems = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void at(Node node, String message) {
    at(node.line, node.column, message);
  }

  void at(Node.Field field, String message) {
    at(field.line, field.column, message);
  }

  void at(int line, int column, String message) {
    problems.add(new PolicyFileException.Problem(source, line, column, message));
  }

  /** A problem with the file as a whole, such as one that cannot be read. */
  void file(String message) {
    at(0, 0, message);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws every problem, in file order (whole-file problems first). */
  void throwIfAny() throws PolicyFileException {
    if (problems.isEmpty()) return;
    List<PolicyFileException.Problem> sorted = new ArrayList<>(problems);
    Collections.sort(sorted, IN_FILE_ORDER);
    throw new PolicyFileException(sorted);
  }
}
