package dev.hardwire.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one exception a policy file can cause: the file could not be read, is not valid JSON or
 * YAML, or says something that is not allowed. It lists every problem found, each with the file,
 * line and column, so that one run shows everything to fix:
 *
 * <pre>
 * policy.yaml:3:20: minimumTlsVersion "1.1" is not allowed: 1.2 is the oldest TLS version Hardwire supports ...
 * policy.yaml:9:12: credentials[0].token is a literal secret: ...
 * </pre>
 *
 * <p>Loading is all or nothing: when this is thrown, no policy was made. Messages never contain a
 * secret, neither one written in the file nor one read from the environment or a secret file.
 */
public final class PolicyFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public PolicyFileException(List<Problem> problems) {
    this(problems, null);
  }

  public PolicyFileException(List<Problem> problems, Throwable cause) {
    super(message(problems), cause);
    if (problems.isEmpty()) throw new IllegalArgumentException("a PolicyFileException needs a problem");
    this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
  }

  /** Every problem found, in file order. Never empty. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    if (problems.size() == 1) return problems.get(0).toString();
    StringBuilder result = new StringBuilder().append(problems.size()).append(" problems in the policy file:");
    for (Problem problem : problems) result.append("\n  ").append(problem);
    return result.toString();
  }

  /** One thing wrong with a policy file, and where. */
  public static final class Problem {
    private final String source;
    private final int line;
    private final int column;
    private final String message;

    /**
     * @param source the file name, or a description of the stream
     * @param line 1-based, or 0 when the problem concerns the whole file
     * @param column 1-based, or 0 when the problem concerns the whole file
     */
    public Problem(String source, int line, int column, String message) {
      if (source == null || message == null) throw new NullPointerException("source or message == null");
      this.source = source;
      this.line = line;
      this.column = column;
      this.message = message;
    }

    public String source() {
      return source;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
      return line;
    }

    /** The 1-based column, or 0 when the problem concerns the whole file. */
    public int column() {
      return column;
    }

    /** What is wrong and how to fix it. */
    public String message() {
      return message;
    }

    /** {@code file:line:column: message}, the form editors and CI logs link to. */
    @Override
    public String toString() {
      return line > 0 ? source + ":" + line + ":" + column + ": " + message : source + ": " + message;
    }
  }
}
