package dev.hardwire.audit.scan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a sentence that mentions a URL ("See http://host/docs for details") from a value or a
 * command that uses one ({@code curl -s http://host/api}). Sentences are documentation.
 */
final class Prose {
  private static final int MIN_WORDS = 3;
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern PUNCTUATION = Pattern.compile("^[\"'(]+|[\"'),:;]+$");
  private static final Pattern WORD = Pattern.compile("[\"'(]*[a-z][a-z'-]*[.,:;!?)\"']*");

  // Words that make a line a command or a request, whatever else it says.
  private static final Set<String> COMMAND_WORDS = Set.of("curl", "wget", "get", "post", "put",
      "delete", "patch", "head", "fetch", "http", "nc", "telnet", "ftp", "lftp", "invoke-webrequest",
      "invoke-restmethod", "iwr", "irm", "add", "git", "clone", "pip", "npm", "helm",
      "docker", "kubectl", "apt-key", "rpm", "yum");

  private Prose() {
  }

  /** Whether {@code region}, with the URL at {@code [urlStart, urlEnd)} removed, is a sentence. */
  static boolean isSentence(String region, int urlStart, int urlEnd) {
    String rest = region.substring(0, urlStart) + " " + region.substring(urlEnd);
    int words = 0;
    for (String token : BLANKS.split(rest.trim())) {
      String word = token.toLowerCase(Locale.ROOT);
      if (COMMAND_WORDS.contains(PUNCTUATION.matcher(word).replaceAll(""))) {
        return false;
      }
      if (WORD.matcher(word).matches()) {
        words++;
      }
    }
    return words >= MIN_WORDS;
  }
}
