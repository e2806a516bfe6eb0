package dev.hardwire.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration guides quote compiled code only. A source region between {@code // snippet:NAME}
 * and {@code // end-snippet} (in this module's Java sources) or {@code <!-- snippet:NAME -->} and
 * {@code <!-- end-snippet -->} (in its pom) must appear verbatim, less its common indentation, as the
 * fenced code block that follows {@code <!-- snippet:NAME -->} in a guide.
 */
class GuideSnippetsTest {
  private static final Pattern SOURCE_START = Pattern.compile("^\\s*(?://|<!--) snippet:(\\S+?)(?: -->)?\\s*$");
  private static final Pattern SOURCE_END = Pattern.compile("^\\s*(?://|<!--) end-snippet(?: -->)?\\s*$");
  private static final Pattern GUIDE_TAG = Pattern.compile("^<!-- snippet:(\\S+) -->$");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

  private static Map<String, String> snippets;
  private static Map<Path, String> guides;

  @BeforeAll
  static void read() throws IOException {
    snippets = new LinkedHashMap<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Paths.get("src", "main", "java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    sources.add(Paths.get("pom.xml"));
    for (Path source : sources) extractSnippets(source);

    String docs = System.getProperty("hardwire.docs", "../docs");
    guides = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Paths.get(docs, "migration"))) {
      for (Path guide : files.filter(f -> f.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
        guides.put(guide, Files.readString(guide));
      }
    }
  }

  private static void extractSnippets(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source);
    for (int i = 0; i < lines.size(); i++) {
      Matcher start = SOURCE_START.matcher(lines.get(i));
      if (!start.matches()) continue;
      List<String> body = new ArrayList<>();
      int end = i + 1;
      while (end < lines.size() && !SOURCE_END.matcher(lines.get(end)).matches()) body.add(lines.get(end++));
      if (end == lines.size()) fail(source + ":" + (i + 1) + ": snippet " + start.group(1) + " has no end-snippet");
      String previous = snippets.put(start.group(1), dedent(body));
      if (previous != null) fail(source + ": a second snippet named " + start.group(1));
      i = end;
    }
  }

  /** The lines without the indentation they all share. */
  static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
  }

  /** Tagged fenced blocks of {@code markdown}: snippet name to block text, in order. */
  static List<Map.Entry<String, String>> taggedBlocks(String markdown, List<String> untaggedJava) {
    List<Map.Entry<String, String>> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String tag = null;
    for (int i = 0; i < lines.length; i++) {
      Matcher tagged = GUIDE_TAG.matcher(lines[i]);
      if (tagged.matches()) {
        tag = tagged.group(1);
      } else if (lines[i].startsWith("```")) {
        String language = lines[i].substring(3).trim();
        List<String> body = new ArrayList<>();
        while (++i < lines.length && !lines[i].startsWith("```")) body.add(lines[i]);
        if (tag != null) {
          blocks.add(Map.entry(tag, String.join("\n", body)));
        } else if (language.equals("java")) {
          untaggedJava.add(body.isEmpty() ? "" : body.get(0));
        }
        tag = null;
      } else if (!lines[i].isBlank()) {
        tag = null;
      }
    }
    return blocks;
  }

  @Test
  void everyGuideExists() {
    assertEquals(List.of("README.md", "httpurlconnection.md", "java-net-http.md", "okhttp.md", "retrofit.md",
        "trust-all.md"), guides.keySet().stream().map(p -> p.getFileName().toString()).sorted()
        .collect(Collectors.toList()));
  }

  @Test
  void everyQuotedSnippetIsTheCompiledCode() {
    for (Map.Entry<Path, String> guide : guides.entrySet()) {
      for (Map.Entry<String, String> block : taggedBlocks(guide.getValue(), new ArrayList<>())) {
        String source = snippets.get(block.getKey());
        assertNotNull(source, guide.getKey() + " quotes snippet " + block.getKey() + ", which no source defines");
        assertEquals(source, block.getValue(), guide.getKey() + ": snippet " + block.getKey()
            + " differs from the compiled code; copy it from the source");
      }
    }
  }

  @Test
  void everyJavaBlockInTheGuidesIsASnippet() {
    for (Map.Entry<Path, String> guide : guides.entrySet()) {
      List<String> untagged = new ArrayList<>();
      taggedBlocks(guide.getValue(), untagged);
      assertEquals(List.of(), untagged, guide.getKey() + ": java blocks without <!-- snippet:NAME --> before them");
    }
  }

  @Test
  void everySnippetIsQuotedByAGuide() {
    TreeSet<String> unquoted = new TreeSet<>(snippets.keySet());
    for (String guide : guides.values()) {
      for (Map.Entry<String, String> block : taggedBlocks(guide, new ArrayList<>())) unquoted.remove(block.getKey());
    }
    assertEquals(new TreeSet<>(), unquoted, "snippets no guide quotes: quote them or drop the markers");
  }

  @Test
  void everyGuideLinksTheRecipesAndItsLinksResolve() {
    for (Map.Entry<Path, String> guide : guides.entrySet()) {
      assertTrue(guide.getValue().contains("](../../sdk-migrate/README.md"),
          guide.getKey() + " links the OpenRewrite recipes");
      Matcher link = LINK.matcher(guide.getValue());
      while (link.find()) {
        String target = link.group(1);
        if (target.startsWith("http://") || target.startsWith("https://")) continue;
        assertTrue(Files.exists(guide.getKey().getParent().resolve(target)), guide.getKey() + ": broken link " + target);
      }
    }
  }

  @Test
  void dedentKeepsRelativeIndentation() {
    assertEquals("a {\n  b;\n\n}", dedent(List.of("    a {", "      b;", "", "    }")));
    assertFalse(dedent(List.of("  x")).startsWith(" "));
  }
}
