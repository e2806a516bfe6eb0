package dev.hardwire.audit.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits XML into the parts that decide whether a URL is an endpoint: comments, DOCTYPE and
 * processing instructions (never endpoints), attribute values (named by their attribute) and
 * character data (named by the element path). Tolerant: a malformed file still yields spans.
 */
final class XmlLexer {
  private final String text;
  private final List<Span> spans = new ArrayList<>();
  private final List<String> elements = new ArrayList<>();

  private XmlLexer(String text) {
    this.text = text;
  }

  static List<Span> lex(String text) {
    XmlLexer lexer = new XmlLexer(text);
    lexer.run();
    return lexer.spans;
  }

  private void run() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      int open = text.indexOf('<', i);
      int textEnd = open < 0 ? n : open;
      if (textEnd > i) {
        spans.add(characterData(i, textEnd));
      }
      if (open < 0) {
        return;
      }
      i = markup(open);
    }
  }

  private int markup(int open) {
    if (text.startsWith("<!--", open)) {
      return comment(open, until(open + 4, "-->"));
    }
    if (text.startsWith("<![CDATA[", open)) {
      int end = until(open + 9, "]]>");
      spans.add(characterData(open + 9, Math.max(open + 9, end - 3)));
      return end;
    }
    if (text.startsWith("<!", open)) {
      return comment(open, declarationEnd(open));
    }
    if (text.startsWith("<?", open)) {
      return comment(open, until(open + 2, "?>"));
    }
    if (text.startsWith("</", open)) {
      int end = until(open + 2, ">");
      close(localName(name(open + 2)));
      return end;
    }
    return startTag(open);
  }

  private int comment(int start, int end) {
    spans.add(Span.of(start, end, Span.Kind.COMMENT));
    return end;
  }

  private int startTag(int open) {
    String name = name(open + 1);
    List<String> path = new ArrayList<>(elements);
    path.add(localName(name));
    List<String> parents = List.copyOf(path);
    int i = open + 1 + name.length();
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '>') {
        elements.add(localName(name));
        return i + 1;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '>') {
        return i + 2;
      }
      if (c == '"' || c == '\'') {
        int close = text.indexOf(c, i + 1);
        int end = close < 0 ? n : close;
        spans.add(new Span(i + 1, end, Span.Kind.ATTRIBUTE, attributeName(i), parents));
        i = end + 1;
      } else {
        i++;
      }
    }
    return n;
  }

  /** The attribute whose value starts at the quote {@code quote}: {@code name = "value"}. */
  private String attributeName(int quote) {
    int j = quote - 1;
    while (j > 0 && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    if (text.charAt(j) != '=') {
      return "";
    }
    j--;
    while (j > 0 && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    int end = j + 1;
    while (j >= 0 && isNameChar(text.charAt(j))) {
      j--;
    }
    String name = text.substring(j + 1, end);
    // Every namespace declaration is the same kind of thing, whatever its prefix.
    return name.equals("xmlns") || name.startsWith("xmlns:") ? "xmlns" : localName(name);
  }

  private Span characterData(int start, int end) {
    String element = elements.isEmpty() ? "" : elements.get(elements.size() - 1);
    return new Span(start, end, Span.Kind.TEXT, element, List.copyOf(elements));
  }

  private void close(String name) {
    int at = elements.lastIndexOf(name);
    if (at >= 0) {
      elements.subList(at, elements.size()).clear();
    }
  }

  /** The end of {@code <!DOCTYPE ...>}, stepping over an internal subset in brackets. */
  private int declarationEnd(int open) {
    int depth = 0;
    for (int i = open + 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return i + 1;
      }
    }
    return text.length();
  }

  private String name(int from) {
    int i = from;
    while (i < text.length() && isNameChar(text.charAt(i))) {
      i++;
    }
    return text.substring(from, i);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_' || c == '.';
  }

  private static String localName(String name) {
    return name.substring(name.indexOf(':') + 1);
  }

  private int until(int from, String terminator) {
    int end = text.indexOf(terminator, from);
    return end < 0 ? text.length() : end + terminator.length();
  }
}
