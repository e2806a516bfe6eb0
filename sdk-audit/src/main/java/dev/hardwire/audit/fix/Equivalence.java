package dev.hardwire.audit.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Proves a rewritten file means what the original meant, apart from upgraded URLs: JSON,
 * XML and properties files are parsed before and after and compared value by value; YAML (no
 * parser is among this tool's dependencies) is checked lexically for the only places where a
 * URL is syntax rather than a value, tags and directives. Names (keys, elements, attributes,
 * namespaces) must be identical; values may differ only by the upgrade.
 */
final class Equivalence {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern YAML_TAG_URL = Pattern.compile("(?m)^%TAG\\b.*|!<[^>]*>");

  private Equivalence() {
  }

  /** Null if {@code fixed} is equivalent to {@code original}, else why not. */
  static String problem(String fileName, String original, String fixed) {
    String name = fileName.toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".json")) {
        return sameJson(JSON.readTree(original), JSON.readTree(fixed), "$");
      }
      if (name.matches(".*\\.(xml|pom|xsd|wsdl|xsl|xslt)")) {
        return sameXml(parseXml(original), parseXml(fixed), "/");
      }
      if (name.endsWith(".properties")) {
        return sameProperties(original, fixed);
      }
      if (name.endsWith(".yml") || name.endsWith(".yaml")) {
        return sameYamlSyntax(original, fixed);
      }
      return null; // code: the rewrite only ever touches the URL's own characters
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return "cannot parse it (" + e.getMessage() + ")";
    }
  }

  private static String sameJson(JsonNode a, JsonNode b, String path) {
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
      return "structure differs at " + path;
    }
    if (a.isTextual()) {
      return sameValue(a.asText(), b.asText(), path);
    }
    if (a.isObject()) {
      Iterator<String> namesA = a.fieldNames();
      Iterator<String> namesB = b.fieldNames();
      while (namesA.hasNext()) {
        String name = namesA.next();
        if (!name.equals(namesB.next())) {
          return "a key changed at " + path;
        }
        String problem = sameJson(a.get(name), b.get(name), path + "." + name);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        String problem = sameJson(a.get(i), b.get(i), path + "[" + i + "]");
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    return a.equals(b) ? null : "value differs at " + path;
  }

  private static Document parseXml(String text)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    // Never fetch a DTD or an entity: comparing two local texts must not touch the network.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setExpandEntityReferences(false);
    factory.setXIncludeAware(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new InputSource(new StringReader(text)));
  }

  private static String sameXml(Node a, Node b, String path) {
    if (a.getNodeType() != b.getNodeType() || !same(a.getNamespaceURI(), b.getNamespaceURI())
        || !same(a.getNodeName(), b.getNodeName())) {
      return "structure differs at " + path;
    }
    String here = path + a.getNodeName();
    if (a.getNodeType() == Node.COMMENT_NODE
        || a.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
      return same(a.getNodeValue(), b.getNodeValue()) ? null : "a comment changed at " + here;
    }
    if (a.getNodeValue() != null) {
      String problem = sameValue(a.getNodeValue(), b.getNodeValue(), here);
      if (problem != null) {
        return problem;
      }
    }
    String problem = sameAttributes(a.getAttributes(), b.getAttributes(), here);
    if (problem != null) {
      return problem;
    }
    List<Node> childrenA = children(a);
    List<Node> childrenB = children(b);
    if (childrenA.size() != childrenB.size()) {
      return "structure differs at " + here;
    }
    for (int i = 0; i < childrenA.size(); i++) {
      problem = sameXml(childrenA.get(i), childrenB.get(i), here + "/");
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String sameAttributes(NamedNodeMap a, NamedNodeMap b, String path) {
    int sizeA = a == null ? 0 : a.getLength();
    int sizeB = b == null ? 0 : b.getLength();
    if (sizeA != sizeB) {
      return "attributes differ at " + path;
    }
    for (int i = 0; i < sizeA; i++) {
      String problem = sameXml(a.item(i), b.item(i), path + "@");
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static List<Node> children(Node node) {
    List<Node> children = new ArrayList<>();
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      children.add(child);
    }
    return children;
  }

  private static String sameProperties(String original, String fixed) throws IOException {
    Properties a = new Properties();
    a.load(new StringReader(original));
    Properties b = new Properties();
    b.load(new StringReader(fixed));
    if (!a.keySet().equals(b.keySet())) {
      return "a key changed";
    }
    for (Map.Entry<Object, Object> entry : a.entrySet()) {
      String problem = sameValue((String) entry.getValue(), b.getProperty((String) entry.getKey()),
          (String) entry.getKey());
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String sameYamlSyntax(String original, String fixed) {
    var tags = YAML_TAG_URL.matcher(original);
    var fixedTags = YAML_TAG_URL.matcher(fixed);
    while (tags.find()) {
      if (!fixedTags.find() || !tags.group().equals(fixedTags.group())) {
        return "a YAML tag or %TAG directive changed";
      }
    }
    return null;
  }

  private static String sameValue(String a, String b, String path) {
    if (a.equals(b) || UrlUpgrade.canonical(a).equals(UrlUpgrade.canonical(b))) {
      return null;
    }
    return "value differs at " + path + " beyond the URL";
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
