package dev.hardwire.audit.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds comments and string literals in code and configuration. It is a lexer, not a parser: it
 * only needs to know that the {@code //} in {@code "http://host"} is inside a string and that a
 * license header is a comment, and it errs towards "code" when a file is unusual.
 */
final class CodeLexer {
  private final String text;
  private final Syntax syntax;
  private final List<Span> spans = new ArrayList<>();

  private CodeLexer(String text, Syntax syntax) {
    this.text = text;
    this.syntax = syntax;
  }

  /** The comments and strings of {@code text}, sorted and non-overlapping. */
  static List<Span> lex(String text, Syntax syntax) {
    CodeLexer lexer = new CodeLexer(text, syntax);
    lexer.run();
    return lexer.spans;
  }

  private void run() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int next;
      if (c == '\n') {
        next = i + 1;
      } else if ((next = comment(i)) > i) {
        spans.add(Span.of(i, next, Span.Kind.COMMENT));
      } else if ((next = string(i)) > i) {
        // string() records its own span: docstrings are comments, other literals strings.
      } else {
        next = i + 1;
      }
      i = next;
    }
  }

  /** The end of a comment starting at {@code i}, or {@code i} if none starts there. */
  private int comment(int i) {
    char c = text.charAt(i);
    switch (syntax.comments) {
      case SLASHES:
        return slashComment(i);
      case HASH_AND_SLASHES:
        return c == '#' && hashMayStart(i) ? endOfLine(i) : slashComment(i);
      case HASH:
        return c == '#' && (hashMayStart(i) || syntax == Syntax.PYTHON) ? endOfLine(i) : i;
      case POWERSHELL:
        if (text.startsWith("<#", i)) {
          return until(i + 2, "#>");
        }
        return c == '#' && hashMayStart(i) ? endOfLine(i) : i;
      case LINE_START_HASH_OR_SEMICOLON:
        return (c == '#' || c == ';') && onlyBlanksBefore(i) ? endOfLine(i) : i;
      case LINE_START_HASH_OR_BANG:
        return (c == '#' || c == '!') && onlyBlanksBefore(i) ? endOfLine(i) : i;
      default:
        return i;
    }
  }

  private int slashComment(int i) {
    if (text.startsWith("//", i)) {
      return endOfLine(i);
    }
    return text.startsWith("/*", i) ? until(i + 2, "*/") : i;
  }

  /**
   * A {@code #} starts a comment at the start of a line or after a blank; elsewhere it is part of
   * a word, as in {@code http://host/#anchor} or {@code ${#var}}.
   */
  private boolean hashMayStart(int i) {
    return i == 0 || Character.isWhitespace(text.charAt(i - 1));
  }

  /** The end of a string literal starting at {@code i} (recording it), or {@code i}. */
  private int string(int i) {
    char quote = text.charAt(i);
    boolean backtick = quote == '`' && syntax == Syntax.C_LIKE;
    if (quote != '"' && quote != '\'' && !backtick) {
      return i;
    }
    if (syntax == Syntax.PROPERTIES || !mayOpenString(i)) {
      return i;
    }
    String triple = String.valueOf(quote).repeat(3);
    if (quote != '`' && text.startsWith(triple, i)
        && (syntax == Syntax.C_LIKE || syntax == Syntax.PYTHON)) {
      int end = until(i + 3, triple);
      boolean docstring = syntax.docstrings && onlyBlanksBefore(i);
      spans.add(Span.of(i, end, docstring ? Span.Kind.COMMENT : Span.Kind.STRING));
      return end;
    }
    // Shell-like single quotes have no escapes; everywhere else a backslash escapes.
    boolean escapes = quote != '\'' || syntax == Syntax.C_LIKE || syntax == Syntax.PYTHON;
    int j = i + 1;
    int n = text.length();
    while (j < n) {
      char c = text.charAt(j);
      if (c == '\\' && escapes) {
        j += 2;
        continue;
      }
      if (c == quote) {
        j++;
        break;
      }
      if (c == '\n' && !backtick) {
        break; // unterminated: stop at the line end rather than swallow the file
      }
      j++;
    }
    int end = Math.min(j, n);
    spans.add(Span.of(i, end, Span.Kind.STRING));
    return end;
  }

  /**
   * A quote after a letter is an apostrophe ({@code don't}), except after Python's string
   * prefixes such as {@code f"} or {@code rb'}.
   */
  private boolean mayOpenString(int i) {
    if (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) {
      return true;
    }
    int start = i;
    while (start > 0 && Character.isLetter(text.charAt(start - 1)) && i - start < 3) {
      start--;
    }
    boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    return syntax == Syntax.PYTHON && wordStart
        && text.substring(start, i).toLowerCase(java.util.Locale.ROOT).matches("[frbu]{1,2}");
  }

  private boolean onlyBlanksBefore(int i) {
    for (int j = i - 1; j >= 0; j--) {
      char c = text.charAt(j);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private int endOfLine(int i) {
    int end = text.indexOf('\n', i);
    return end < 0 ? text.length() : end;
  }

  private int until(int from, String terminator) {
    int end = text.indexOf(terminator, from);
    return end < 0 ? text.length() : end + terminator.length();
  }
}
