package dev.hardwire.core.internal.url;

/**
 * Makes a URL safe to show: no userinfo, no query, no fragment, no control characters, bounded
 * length. Works on raw strings too, since a refused URL may not parse at all.
 */
public final class Redaction {
  private static final int MAX_LENGTH = 200;

  private Redaction() {
  }

  public static String redact(String url) {
    if (url == null) return null;
    String s = url.trim();
    int cut = indexOfAny(s, '?', '#');
    if (cut >= 0) s = s.substring(0, cut);
    int authorityStart = s.indexOf("//");
    if (authorityStart >= 0) {
      int authorityEnd = indexOfAny(s.substring(authorityStart + 2), '/', '\\');
      authorityEnd = authorityEnd < 0 ? s.length() : authorityStart + 2 + authorityEnd;
      int at = s.lastIndexOf('@', authorityEnd - 1);
      if (at > authorityStart) s = s.substring(0, authorityStart + 2) + s.substring(at + 1);
    } else if (s.indexOf('@') >= 0) {
      // Without "//" there is no reliable authority; anything before '@' may be a password.
      s = s.substring(s.lastIndexOf('@') + 1);
    }
    StringBuilder result = new StringBuilder(Math.min(s.length(), MAX_LENGTH + 3));
    for (int i = 0; i < s.length() && result.length() < MAX_LENGTH; i++) {
      char c = s.charAt(i);
      result.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (s.length() > MAX_LENGTH) result.append("...");
    return result.toString();
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == a || c == b) return i;
    }
    return -1;
  }
}
