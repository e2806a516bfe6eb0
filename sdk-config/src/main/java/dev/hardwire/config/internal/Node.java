package dev.hardwire.config.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A JSON or YAML value with the line and column where it starts. Jackson's own trees drop
 * locations, and every problem in a policy file must say where it is.
 */
final class Node {
  enum Type {
    OBJECT("an object"),
    ARRAY("a list"),
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    NULL("null");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }

  final Type type;
  final int line;
  final int column;
  /** The scalar as written (for numbers too: {@code 1.20} stays {@code 1.20}); null for containers. */
  final String text;
  final List<Field> fields;
  final List<Node> items;

  private Node(Type type, int line, int column, String text, List<Field> fields, List<Node> items) {
    this.type = type;
    this.line = line;
    this.column = column;
    this.text = text;
    this.fields = fields;
    this.items = items;
  }

  static Node scalar(Type type, int line, int column, String text) {
    return new Node(type, line, column, text, Collections.<Field>emptyList(), Collections.<Node>emptyList());
  }

  static Node object(int line, int column) {
    return new Node(Type.OBJECT, line, column, null, new ArrayList<Field>(), Collections.<Node>emptyList());
  }

  static Node array(int line, int column) {
    return new Node(Type.ARRAY, line, column, null, Collections.<Field>emptyList(), new ArrayList<Node>());
  }

  /** The value of field {@code name}, or null. */
  Node get(String name) {
    for (Field field : fields) {
      if (field.name.equals(name)) return field.value;
    }
    return null;
  }

  /** A key of an object, located where the key is written (where "unknown key" points). */
  static final class Field {
    final String name;
    final int line;
    final int column;
    final Node value;

    Field(String name, int line, int column, Node value) {
      this.name = name;
      this.line = line;
      this.column = column;
      this.value = value;
    }
  }
}
