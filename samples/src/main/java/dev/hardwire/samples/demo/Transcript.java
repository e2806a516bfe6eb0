package dev.hardwire.samples.demo;

import java.io.PrintStream;

/**
 * What the demo prints, laid out for a person reading top to bottom: numbered sections, aligned
 * facts, and plain sentences wrapped to the terminal's usual width.
 */
public final class Transcript {
  private static final int WIDTH = 100;
  private static final int LABEL_WIDTH = 22;
  private static final String INDENT = "   ";

  private final PrintStream out;
  private int section;

  public Transcript(PrintStream out) {
    this.out = out;
  }

  public void title(String title) {
    out.println(title);
    out.println("=".repeat(title.length()));
  }

  /** Starts the next numbered section. */
  public void section(String title) {
    out.println();
    out.println(++section + ". " + title);
  }

  /** A sentence or two, wrapped and indented under the current section. */
  public void say(String text) {
    wrap(text, section == 0 ? "" : INDENT, section == 0 ? "" : INDENT);
  }

  /** One labelled fact: {@code label .... value}; a multi-line value keeps its lines aligned. */
  public void fact(String label, String value) {
    String padded = INDENT + String.format("%-" + LABEL_WIDTH + "s", label) + " ";
    String continuation = " ".repeat(padded.length());
    String[] lines = value.split("\n", -1);
    out.println(padded + lines[0]);
    for (int i = 1; i < lines.length; i++) out.println(continuation + lines[i]);
  }

  /** A labelled message, such as an exception's, wrapped under its label. */
  public void message(String label, String text) {
    String padded = INDENT + String.format("%-" + LABEL_WIDTH + "s", label) + " ";
    wrap(text, padded, " ".repeat(padded.length()));
  }

  /** Lines printed as they are (scrape text, code), indented. */
  public void verbatim(String text) {
    for (String line : text.split("\n")) out.println(INDENT + "  " + line);
  }

  public void blank() {
    out.println();
  }

  /** Wraps {@code text} at spaces; text with line breaks of its own keeps them and is not rewrapped. */
  private void wrap(String text, String firstPrefix, String prefix) {
    if (text.contains("\n")) {
      String[] lines = text.split("\n");
      for (int i = 0; i < lines.length; i++) out.println((i == 0 ? firstPrefix : prefix) + lines[i]);
      return;
    }
    StringBuilder line = new StringBuilder(firstPrefix);
    boolean empty = true;
    for (String word : text.trim().split(" +")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(prefix);
        empty = true;
      }
      if (!empty) line.append(' ');
      line.append(word);
      empty = false;
    }
    out.println(line);
  }
}
