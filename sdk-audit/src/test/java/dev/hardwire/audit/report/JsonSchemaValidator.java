package dev.hardwire.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Schema draft-07 validator for the keywords the SARIF 2.1.0 schema uses: type,
 * properties, additionalProperties, required, items, minItems, uniqueItems, minimum, maximum,
 * pattern, enum, anyOf, oneOf, local $ref and the uri / uri-reference / date-time formats.
 * A keyword it does not know fails loudly, so it cannot pass a schema by ignoring it.
 */
final class JsonSchemaValidator {
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title",
      "description", "default", "definitions");
  private static final Set<String> KNOWN = Set.of("type", "properties", "additionalProperties",
      "required", "items", "minItems", "uniqueItems", "minimum", "maximum", "pattern", "enum",
      "anyOf", "oneOf", "$ref", "format");

  private final JsonNode root;

  JsonSchemaValidator(JsonNode root) {
    this.root = root;
  }

  /** Every violation, as {@code path: problem}; empty when {@code instance} is valid. */
  List<String> validate(JsonNode instance) {
    List<String> errors = new ArrayList<>();
    validate(root, instance, "$", errors);
    return errors;
  }

  private void validate(JsonNode schema, JsonNode value, String path, List<String> errors) {
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      if (!ANNOTATIONS.contains(keyword) && !KNOWN.contains(keyword)) {
        throw new IllegalArgumentException("unsupported keyword " + keyword + " at " + path);
      }
    }
    if (schema.has("$ref")) {
      validate(resolve(schema.get("$ref").asText()), value, path, errors);
    }
    if (schema.has("type") && !hasType(schema.get("type"), value)) {
      errors.add(path + ": expected " + schema.get("type") + ", got " + value.getNodeType());
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (value.isObject()) {
      validateObject(schema, value, path, errors);
    }
    if (value.isArray()) {
      validateArray(schema, value, path, errors);
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        errors.add(path + ": below minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        errors.add(path + ": above maximum " + schema.get("maximum"));
      }
    }
    if (value.isTextual()) {
      validateString(schema, value.asText(), path, errors);
    }
    if (schema.has("anyOf") && matching(schema.get("anyOf"), value, path) == 0) {
      errors.add(path + ": matches none of anyOf");
    }
    if (schema.has("oneOf") && matching(schema.get("oneOf"), value, path) != 1) {
      errors.add(path + ": does not match exactly one of oneOf");
    }
  }

  private void validateObject(JsonNode schema, JsonNode value, String path, List<String> errors) {
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(path + ": missing required " + required.asText());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        validate(properties.get(field.getKey()), field.getValue(), child, errors);
      } else if (schema.has("additionalProperties")) {
        JsonNode additional = schema.get("additionalProperties");
        if (additional.isBoolean() && !additional.asBoolean()) {
          errors.add(path + ": property " + field.getKey() + " is not allowed");
        } else if (additional.isObject()) {
          validate(additional, field.getValue(), child, errors);
        }
      }
    }
  }

  private void validateArray(JsonNode schema, JsonNode value, String path, List<String> errors) {
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      errors.add(path + ": fewer than " + schema.get("minItems") + " items");
    }
    if (schema.path("uniqueItems").asBoolean()) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : value) {
        if (!seen.add(item)) {
          errors.add(path + ": duplicate item " + item);
        }
      }
    }
    if (schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        validate(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private void validateString(JsonNode schema, String text, String path, List<String> errors) {
    if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text)
        .find()) {
      errors.add(path + ": '" + text + "' does not match " + schema.get("pattern"));
    }
    String format = schema.path("format").asText("");
    try {
      if (format.equals("uri") && !new URI(text).isAbsolute()) {
        errors.add(path + ": '" + text + "' is not an absolute URI");
      } else if (format.equals("uri-reference")) {
        new URI(text);
      } else if (format.equals("date-time")) {
        java.time.OffsetDateTime.parse(text);
      }
    } catch (URISyntaxException | java.time.format.DateTimeParseException e) {
      errors.add(path + ": '" + text + "' is not a valid " + format);
    }
  }

  private int matching(JsonNode alternatives, JsonNode value, String path) {
    int matches = 0;
    for (JsonNode alternative : alternatives) {
      List<String> errors = new ArrayList<>();
      validate(alternative, value, path, errors);
      if (errors.isEmpty()) {
        matches++;
      }
    }
    return matches;
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $ref is supported: " + ref);
    }
    JsonNode node = root;
    for (String part : ref.substring(2).split("/")) {
      node = node.get(part);
      if (node == null) {
        throw new IllegalArgumentException("unresolvable $ref " + ref);
      }
    }
    return node;
  }

  private static boolean hasType(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (hasType(t, value)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      case "string":
        return value.isTextual();
      case "integer":
        return value.isIntegralNumber();
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "null":
        return value.isNull();
      default:
        throw new IllegalArgumentException("unknown type " + type);
    }
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
