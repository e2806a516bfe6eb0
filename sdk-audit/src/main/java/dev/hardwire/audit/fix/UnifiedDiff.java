package dev.hardwire.audit.fix;

import dev.hardwire.audit.scan.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of a rewrite that keeps every line in place (the upgrade never adds or removes
 * lines). Printed lines are redacted, so the preview never shows a credential; it is for people,
 * not for {@code git apply}.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 1;

  private UnifiedDiff() {
  }

  static String of(String file, String original, String fixed) {
    String[] before = original.split("\n", -1);
    String[] after = fixed.split("\n", -1);
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i])) {
        changed.add(i);
      }
    }
    StringBuilder diff = new StringBuilder();
    if (changed.isEmpty()) {
      return "";
    }
    diff.append("--- a/").append(file).append('\n');
    diff.append("+++ b/").append(file).append('\n');
    int i = 0;
    while (i < changed.size()) {
      int first = Math.max(0, changed.get(i) - CONTEXT);
      int j = i;
      while (j + 1 < changed.size() && changed.get(j + 1) - changed.get(j) <= 2 * CONTEXT + 1) {
        j++;
      }
      int last = Math.min(before.length - 1, changed.get(j) + CONTEXT);
      int length = last - first + 1;
      diff.append("@@ -").append(first + 1).append(',').append(length)
          .append(" +").append(first + 1).append(',').append(length).append(" @@\n");
      for (int line = first; line <= last; line++) {
        if (before[line].equals(after[line])) {
          diff.append(' ').append(Redactor.redactLine(before[line])).append('\n');
        } else {
          diff.append('-').append(Redactor.redactLine(before[line])).append('\n');
          diff.append('+').append(Redactor.redactLine(after[line])).append('\n');
        }
      }
      i = j + 1;
    }
    return diff.toString();
  }
}
