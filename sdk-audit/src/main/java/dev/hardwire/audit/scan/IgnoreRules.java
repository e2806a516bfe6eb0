package dev.hardwire.audit.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code .gitignore} rules in force in one folder: its own file's patterns after those of
 * every folder above it, the last match deciding, as git does. Supports {@code *}, {@code ?},
 * {@code [...]}, {@code **}, a leading {@code /} (anchored), a trailing {@code /} (folders
 * only), {@code !} (re-include) and {@code \} escapes. As in git, nothing inside an ignored
 * folder can be re-included, because the walk never enters it.
 */
final class IgnoreRules {
  static final IgnoreRules NONE = new IgnoreRules(List.of());

  private record Rule(String base, Pattern pattern, boolean anchored, boolean negated,
      boolean directoryOnly) {
    boolean matches(String path, String name, boolean directory) {
      if (directoryOnly && !directory || !path.startsWith(base)) {
        return false;
      }
      return pattern.matcher(anchored ? path.substring(base.length()) : name).matches();
    }
  }

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  /**
   * These rules plus those of {@code directory}'s {@code .gitignore}, if it has one.
   *
   * @param relativeDirectory the folder relative to the scanned root, {@code ""} for the root
   */
  IgnoreRules enter(Path directory, String relativeDirectory) throws IOException {
    Path file = directory.resolve(".gitignore");
    if (!Files.isRegularFile(file)) {
      return this;
    }
    return with(Files.readAllLines(file, StandardCharsets.UTF_8), relativeDirectory);
  }

  IgnoreRules with(List<String> lines, String relativeDirectory) {
    String base = relativeDirectory.isEmpty() ? "" : relativeDirectory + "/";
    List<Rule> combined = new ArrayList<>(rules);
    for (String line : lines) {
      Rule rule = parse(line, base);
      if (rule != null) {
        combined.add(rule);
      }
    }
    return combined.size() == rules.size() ? this : new IgnoreRules(List.copyOf(combined));
  }

  /** Whether {@code path} (relative to the scanned root, {@code /}-separated) is ignored. */
  boolean isIgnored(String path, boolean directory) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean ignored = false;
    for (Rule rule : rules) {
      if (rule.negated == ignored && rule.matches(path, name, directory)) {
        ignored = !rule.negated;
      }
    }
    return ignored;
  }

  private static Rule parse(String line, String base) {
    String pattern = stripTrailingBlanks(line);
    if (pattern.isEmpty() || pattern.startsWith("#")) {
      return null;
    }
    boolean negated = pattern.startsWith("!");
    if (negated || pattern.startsWith("\\!") || pattern.startsWith("\\#")) {
      pattern = pattern.substring(1);
    }
    boolean directoryOnly = pattern.endsWith("/");
    if (directoryOnly) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    boolean anchored = pattern.contains("/");
    if (pattern.startsWith("/")) {
      pattern = pattern.substring(1);
    }
    if (pattern.isEmpty()) {
      return null;
    }
    return new Rule(base, Pattern.compile(toRegex(pattern)), anchored, negated, directoryOnly);
  }

  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && (end < 2 || line.charAt(end - 2) != '\\')) {
      end--;
    }
    return line.substring(0, end).replace("\r", "");
  }

  static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i) && (i == 0 || glob.charAt(i - 1) == '/')) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i) && i + 2 == n && (i == 0 || glob.charAt(i - 1) == '/')) {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
        while (i + 1 < n && glob.charAt(i + 1) == '*') {
          i++;
        }
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
        int close = glob.indexOf(']', i + 2);
        String set = glob.substring(i + 1, close);
        if (set.startsWith("!")) {
          set = "^" + set.substring(1);
        }
        regex.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        i = close;
      } else if (c == '\\' && i + 1 < n) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
