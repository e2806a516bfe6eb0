package dev.hardwire.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hardwire.config.Format;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON or YAML into located {@link Node}s with Jackson's streaming parsers. */
final class NodeReader {
  /** A policy nests four levels deep; anything far deeper is not a policy, and must not exhaust the stack. */
  private static final int MAX_DEPTH = 16;
  /** A quoted token in a parser message, such as an unrecognized word: it may be a pasted secret. */
  private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");
  private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^'\\n]{4,}'");

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final JsonFactory YAML = YAMLFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private final Problems problems;
  private final JsonParser parser;

  private NodeReader(Problems problems, JsonParser parser) {
    this.problems = problems;
    this.parser = parser;
  }

  /**
   * Returns the document's root value, or null after recording why there is none. Problems that
   * leave the rest of the document readable (duplicate keys) are recorded and reading goes on.
   */
  static Node read(byte[] bytes, Format format, Problems problems) {
    JsonFactory factory = format == Format.JSON ? JSON : YAML;
    try (JsonParser parser = factory.createParser(bytes)) {
      if (parser.nextToken() == null) {
        problems.at(1, 1, "The file is empty: a policy file starts with 'version: 1'.");
        return null;
      }
      NodeReader reader = new NodeReader(problems, parser);
      Node root = reader.value(0);
      if (root != null && parser.nextToken() != null) {
        JsonLocation where = parser.currentTokenLocation();
        problems.at(where.getLineNr(), where.getColumnNr(), "Unexpected content after the policy: a policy file"
            + " holds exactly one " + (format == Format.JSON ? "JSON object" : "YAML document") + ".");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      // SnakeYAML's message ends with the mark of the problem itself, more precise than Jackson's location.
      Matcher mark = YAML_MARK.matcher(message);
      JsonLocation where = e.getLocation();
      int line = where != null && where.getLineNr() > 0 ? where.getLineNr() : 0;
      int column = line > 0 ? Math.max(where.getColumnNr(), 1) : 0;
      while (mark.find()) {
        line = Integer.parseInt(mark.group(1));
        column = Integer.parseInt(mark.group(2));
      }
      problems.at(line, column, "Not valid " + format + ": " + describe(message) + ".");
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits and malformed input with its own unchecked exceptions; a
      // policy file has one documented failure, so every one of them becomes a problem.
      problems.file("Not valid " + format + ": " + describe(String.valueOf(e.getMessage())) + ".");
      return null;
    }
  }

  private Node value(int depth) throws IOException {
    JsonLocation where = parser.currentTokenLocation();
    int line = where.getLineNr();
    int column = where.getColumnNr();
    if (depth > MAX_DEPTH) {
      problems.at(line, column, "Nested more than " + MAX_DEPTH + " levels deep; a policy file nests at most 4.");
      parser.skipChildren();
      return null;
    }
    if (parser instanceof YAMLParser && ((YAMLParser) parser).isCurrentAlias()) {
      // Jackson would read an alias as the anchor's name, silently; and a reviewer must see each value
      // where it applies.
      problems.at(line, column, "YAML aliases (*name) are not supported: write the value out where it applies.");
      return null;
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return object(Node.object(line, column), depth);
      case START_ARRAY:
        Node array = Node.array(line, column);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          Node item = value(depth + 1);
          if (item == null) return null;
          array.items.add(item);
        }
        return array;
      case VALUE_STRING:
        return Node.scalar(Node.Type.STRING, line, column, parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return Node.scalar(Node.Type.NUMBER, line, column, parser.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        // YAML 1.1 spellings (yes, on, True) arrive here too; keep the meaning, not the spelling.
        return Node.scalar(Node.Type.BOOLEAN, line, column, String.valueOf(token == JsonToken.VALUE_TRUE));
      case VALUE_NULL:
        return Node.scalar(Node.Type.NULL, line, column, null);
      default:
        problems.at(line, column, "Unsupported value (" + token + "): use strings, numbers, true/false, lists"
            + " and objects only.");
        return null;
    }
  }

  private Node object(Node object, int depth) throws IOException {
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation where = parser.currentTokenLocation();
      String name = parser.currentName();
      parser.nextToken();
      Node value = value(depth + 1);
      if (value == null) return null;
      if (!seen.add(name)) {
        problems.at(where.getLineNr(), where.getColumnNr(), "Duplicate key '" + name + "': each key may appear"
            + " once, or a reviewer reading the first one would miss the second.");
        continue;
      }
      object.fields.add(new Node.Field(name, where.getLineNr(), where.getColumnNr(), value));
    }
    return object;
  }

  /**
   * The parser's explanation without its excerpt of the file (SnakeYAML quotes the offending line,
   * indented) and with quoted tokens hidden: a syntax error near a pasted secret must not copy it
   * into a CI log.
   */
  static String describe(String message) {
    StringBuilder result = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.trim().isEmpty() || Character.isWhitespace(line.charAt(0))) continue;
      if (result.length() > 0) result.append(": ");
      result.append(line.trim());
    }
    return QUOTED_TOKEN.matcher(result).replaceAll("'…'");
  }
}
