package dev.hardwire.audit.scan;

import java.util.List;

/**
 * A stretch of a file with a meaning the scanner cares about.
 *
 * @param key for XML, the attribute name or the enclosing element's name; otherwise null
 * @param parents for XML, the enclosing element names, outermost first; otherwise empty
 */
record Span(int start, int end, Kind kind, String key, List<String> parents) {

  enum Kind {
    /** A comment, docstring, DOCTYPE or processing instruction: documentation, not code. */
    COMMENT,
    /** A string literal in code. */
    STRING,
    /** An XML attribute value. */
    ATTRIBUTE,
    /** XML character data. */
    TEXT
  }

  static Span of(int start, int end, Kind kind) {
    return new Span(start, end, kind, null, List.of());
  }

  /** The innermost span holding {@code offset} in spans sorted by start; null if none. */
  static Span find(List<Span> spans, int offset) {
    int low = 0;
    int high = spans.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      Span span = spans.get(mid);
      if (span.end <= offset) {
        low = mid + 1;
      } else if (span.start > offset) {
        high = mid - 1;
      } else {
        return span;
      }
    }
    return null;
  }

  /** The index of the first span starting at or after {@code offset} in sorted spans. */
  static int firstStartingAt(List<Span> spans, int offset) {
    int low = 0;
    int high = spans.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (spans.get(mid).start < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
