package dev.hardwire.audit.scan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what output must not show: a URL's userinfo and the values of query and fragment
 * parameters whose names look like credentials, and, in whole lines, bearer tokens and the
 * values of secret-looking settings.
 */
public final class Redactor {
  static final String MASK = "***";

  private static final Pattern USERINFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:\\\\?//)([^/?#@\\s]*)@");
  private static final Pattern PARAMETER = Pattern.compile("([?&#;])([^=&#;/?\\s]+)=([^&#;\\s\"'`]*)");
  private static final Pattern SECRET_NAME = Pattern.compile(
      "token|key|pass|pwd|secret|sig|auth|credential|session|jwt|code", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_IN_LINE =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\\\?//[^\\s\"'`<>]+");
  private static final Pattern SCHEME_TOKEN =
      Pattern.compile("(?i)\\b(bearer|basic|token)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
  private static final Pattern SECRET_SETTING = Pattern.compile(
      "(?i)([\\w.-]*(?:token|secret|password|passwd|pwd|api[_-]?key|access[_-]?key|private[_-]?key"
          + "|authorization|credential)[\\w.-]*[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;}]+)");
  private static final Pattern CURL_USER = Pattern.compile("((?:^|\\s)(?:-u|--user)\\s+)(\\S+)");

  private Redactor() {
  }

  /** {@code http://user:pw@host/?token=t&page=2} becomes {@code http://***@host/?token=***&page=2}. */
  public static String redactUrl(String url) {
    String masked = USERINFO.matcher(url).replaceFirst("$1" + MASK + "@");
    Matcher parameters = PARAMETER.matcher(masked);
    StringBuilder out = new StringBuilder(masked.length());
    while (parameters.find()) {
      String name = parameters.group(2);
      String value = isSecretName(name) && !parameters.group(3).isEmpty() ? MASK
          : parameters.group(3);
      parameters.appendReplacement(out,
          Matcher.quoteReplacement(parameters.group(1) + name + "=" + value));
    }
    parameters.appendTail(out);
    return out.toString();
  }

  /**
   * A line of a file made fit to print: every URL redacted, bearer and basic tokens, secret
   * settings ({@code password: ...}, {@code "apiKey": "..."}) and {@code curl -u} masked.
   */
  public static String redactLine(String line) {
    Matcher urls = URL_IN_LINE.matcher(line);
    StringBuilder out = new StringBuilder(line.length());
    while (urls.find()) {
      urls.appendReplacement(out, Matcher.quoteReplacement(redactUrl(urls.group())));
    }
    urls.appendTail(out);
    String masked = SCHEME_TOKEN.matcher(out).replaceAll("$1$2" + MASK);
    masked = SECRET_SETTING.matcher(masked).replaceAll("$1" + MASK);
    return CURL_USER.matcher(masked).replaceAll("$1" + MASK);
  }

  /** Whether a parameter or header name suggests its value is a credential. */
  static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
  }
}
