package dev.hardwire.audit.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a value is filed under: its own key ({@code homepage} in {@code "homepage": "..."},
 * {@code xmlns} in an attribute), the other keys on its line, and the keys that enclose it
 * (YAML/JSON indentation, TOML/INI sections, XML elements). Innermost first.
 */
final class Keys {
  private static final Pattern LINE_KEY = Pattern.compile("([A-Za-z_$@][\\w.$@-]*)[\"']?\\s*(?::|=>?|:=)");
  /** {@code key:}, {@code key =}, and block openers {@code pom {} and {@code setup(}. */
  private static final Pattern LEADING_KEY = Pattern.compile(
      "^\\s*(?:-\\s+)?[\"']?([A-Za-z_$@][\\w.$@/ -]*?)[\"']?\\s*(?:[:=]|[{(]\\s*$)");
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[+\\s*([^\\]]+?)\\s*]+");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern CAMEL_CASE =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final int MAX_PARENTS = 8;
  private static final int MAX_LOOKBACK_LINES = 400;

  private Keys() {
  }

  static List<String> of(SourceText source, Syntax syntax, Span span, int offset) {
    List<String> keys = new ArrayList<>();
    if (syntax == Syntax.XML) {
      if (span != null && span.key() != null) {
        keys.add(span.key());
        List<String> parents = span.parents();
        int last = span.kind() == Span.Kind.TEXT ? parents.size() - 2 : parents.size() - 1;
        for (int i = last; i >= 0; i--) {
          keys.add(parents.get(i));
        }
      }
      return keys;
    }
    int line = source.lineIndexOf(offset);
    int lineStart = source.lineStart(line);
    String before = source.text.substring(lineStart, offset);
    String own = ownKey(before);
    if (own != null) {
      keys.add(own);
    }
    List<String> lineKeys = new ArrayList<>();
    Matcher matcher = LINE_KEY.matcher(before);
    while (matcher.find()) {
      lineKeys.add(0, matcher.group(1));
    }
    if (!lineKeys.isEmpty() && lineKeys.get(0).equals(own)) {
      lineKeys.remove(0); // usually the same word, found twice
    }
    keys.addAll(lineKeys);
    if (syntax.nesting == Syntax.Nesting.INDENT) {
      addIndentParents(source, line, keys);
    } else if (syntax.nesting == Syntax.Nesting.SECTIONS) {
      addSection(source, line, keys);
    }
    return keys;
  }

  /** The last word before the value: {@code url} in {@code url 'http://...'}. */
  private static String ownKey(String before) {
    int end = before.length();
    while (end > 0 && " \t\"'`:=([{,>".indexOf(before.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = end;
    while (start > 0 && isKeyChar(before.charAt(start - 1))) {
      start--;
    }
    while (start < end && !Character.isLetter(before.charAt(start))
        && "_$@".indexOf(before.charAt(start)) < 0) {
      start++;
    }
    return start < end ? before.substring(start, end) : null;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || "_.$@-".indexOf(c) >= 0;
  }

  private static void addIndentParents(SourceText source, int line, List<String> keys) {
    String current = source.line(line);
    int indent = indent(current);
    if (current.stripLeading().startsWith("- ")) {
      indent++; // a list item belongs to the key above it even at the same indentation
    }
    int added = 0;
    for (int j = line - 1; j >= 0 && j >= line - MAX_LOOKBACK_LINES && indent > 0; j--) {
      String text = source.line(j);
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//")) {
        continue;
      }
      int lineIndent = indent(text);
      if (lineIndent < indent) {
        Matcher key = LEADING_KEY.matcher(text);
        if (key.find()) {
          keys.add(key.group(1).strip());
          if (++added == MAX_PARENTS) {
            return;
          }
        }
        indent = lineIndent;
      }
    }
  }

  private static void addSection(SourceText source, int line, List<String> keys) {
    for (int j = line; j >= 0; j--) {
      Matcher section = SECTION.matcher(source.line(j));
      if (section.find()) {
        String[] names = section.group(1).split("\\.");
        for (int i = names.length - 1; i >= 0; i--) {
          keys.add(names[i].replace("\"", "").strip());
        }
        return;
      }
    }
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** {@code X-Api-Key}, {@code apiKey}, {@code API_KEY} all become {@code [api, key]}. */
  static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    for (String part : NON_ALPHANUMERIC.split(key)) {
      for (String word : CAMEL_CASE.split(part)) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /** {@code Home-Page}, {@code home_page} and {@code homePage} all become {@code homepage}. */
  static String normalize(String key) {
    return NON_ALPHANUMERIC.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
