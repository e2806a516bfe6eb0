package dev.hardwire.audit.scan;

import java.util.Arrays;

/** A decoded file with a line index, so offsets turn into 1-based lines and columns cheaply. */
final class SourceText {
  final String text;
  private final int[] lineStarts;

  SourceText(String text) {
    this.text = text;
    int[] starts = new int[64];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** 0-based index of the line holding {@code offset}. */
  int lineIndexOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  int lineStart(int lineIndex) {
    return lineStarts[lineIndex];
  }

  /** End of the line's content, before any {@code \r\n} or {@code \n}. */
  int lineEnd(int lineIndex) {
    int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : text.length();
    return end > lineStarts[lineIndex] && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  String line(int lineIndex) {
    return text.substring(lineStart(lineIndex), lineEnd(lineIndex));
  }
}
