package dev.hardwire.audit.scan;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an endpoint travels with a credential: in its own URL, or in the code or configuration
 * right around it (an {@code Authorization} header, an API key, a password setting).
 */
final class Credentials {
  /** Lines above and below the URL that count as "nearby" in code and configuration. */
  private static final int WINDOW = 1;

  private static final Set<String> SECRET_WORDS = Set.of("token", "tokens", "password",
      "passwd", "passphrase", "secret", "secrets", "authorization", "bearer", "apikey",
      "credential", "credentials", "privatekey");

  // "key" alone names half of every map; it is a credential only with a qualifier.
  private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "secret", "private",
      "auth", "client", "subscription", "app", "master", "signing");

  /** curl -u user:pw, curl --user user:pw: basic credentials for this command line only. */
  private static final Pattern CURL_USER = Pattern.compile("(^|\\s)(-u|--user)\\s+\\S+:");

  private static final Pattern PARAMETER = Pattern.compile("[?&#;]([^=&#;/?]+)=[^&#;]");

  private Credentials() {
  }

  /**
   * Why the endpoint is credential-bearing ("userinfo in the URL", "'Authorization' nearby"), or
   * null. The reason names where the credential is, never the credential.
   */
  static String reason(SourceText source, Endpoint endpoint, Language language) {
    if (endpoint.hasUserinfo()) {
      return "userinfo in the URL";
    }
    Matcher parameter = PARAMETER.matcher(endpoint.text());
    while (parameter.find()) {
      if (Redactor.isSecretName(parameter.group(1))) {
        return "a '" + parameter.group(1) + "' parameter in the URL";
      }
    }
    int line = source.lineIndexOf(endpoint.start());
    // In scripts every line is its own command: a password on the next line is another request's.
    int lines = language.commandPerLine ? 0 : WINDOW;
    int first = Math.max(0, line - lines);
    int last = Math.min(source.lineCount() - 1, line + lines);
    String window = source.text.substring(source.lineStart(first), endpoint.start())
        + source.text.substring(endpoint.end(), source.lineEnd(last));
    String ownLine = source.line(line);
    if (CURL_USER.matcher(ownLine).find()) {
      return "curl credentials (-u) nearby";
    }
    List<String> words = Keys.words(window);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (SECRET_WORDS.contains(word)
          || word.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
        return "'" + (word.equals("key") ? words.get(i - 1) + " key" : word) + "' nearby";
      }
    }
    return null;
  }
}
