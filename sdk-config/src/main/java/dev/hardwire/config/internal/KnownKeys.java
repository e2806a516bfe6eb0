package dev.hardwire.config.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The keys one object of a policy file may hold; an unknown key is an error that suggests the closest. */
final class KnownKeys {
  private final List<String> keys;

  KnownKeys(String... keys) {
    this.keys = Arrays.asList(keys);
  }

  /** Records every key of {@code object} that is not known. */
  void check(Node object, String path, Problems problems) {
    for (Node.Field field : object.fields) {
      if (keys.contains(field.name)) continue;
      String closest = closest(field.name);
      problems.at(field, "Unknown key '" + field.name + "'" + (path.isEmpty() ? "" : " in " + path)
          + (closest != null ? ": did you mean '" + closest + "'?" : ". Known keys here: " + keys + "."));
    }
  }

  /** The known key that {@code name} most likely misspells, or null if none is close. */
  String closest(String name) {
    String normalized = normalize(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String key : keys) {
      String known = normalize(key);
      // "cleartext" for "cleartextMode": a shortened key is as likely as a misspelt one.
      boolean prefix = normalized.length() >= 4 && (known.startsWith(normalized) || normalized.startsWith(known));
      int distance = prefix ? 1 : distance(normalized, known);
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, normalized.length() / 3) ? best : null;
  }

  /** Makes {@code minimum_tls_version} and {@code Minimum-TLS-Version} meet {@code minimumTlsVersion}. */
  private static String normalize(String key) {
    return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
