package dev.hardwire.config.internal;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEventLogger;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.core.internal.hosts.HostPattern;
import dev.hardwire.core.internal.trust.SpkiPins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a located tree into a {@link SecurityPolicy.Builder}, recording every problem. The builder
 * is only used when there are none, so a bad file never yields a half-applied policy.
 */
final class PolicyParser {
  static final int VERSION = 1;

  private static final KnownKeys ROOT = new KnownKeys("$schema", "version", "minimumTlsVersion", "tlsProvider",
      "cleartextMode", "trustAnchors", "pins", "sensitiveHeaders", "credentials", "maxRedirects", "events");
  private static final KnownKeys TRUST_ANCHOR = new KnownKeys("file", "pem");
  private static final KnownKeys PINS = new KnownKeys("host", "pins", "reportOnly", "expires");
  private static final KnownKeys BEARER = new KnownKeys("type", "host", "token", "methods", "pathPrefix");
  private static final KnownKeys BASIC = new KnownKeys("type", "host", "username", "password", "methods",
      "pathPrefix");
  private static final KnownKeys HEADER = new KnownKeys("type", "host", "name", "value", "methods", "pathPrefix");
  private static final Pattern OLD_TLS = Pattern.compile("(?i)(tls ?v?)?1(\\.[01])?|ssl.*");
  private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("[0-9]{1,9}");
  private static final int MAX_PEM_FILE_BYTES = 1024 * 1024;

  private final Problems problems;
  private final Secrets secrets;
  private final LocalFiles files;
  private final SecurityPolicy.Builder builder = SecurityPolicy.builder();
  /** The file entry each trust anchor came from, in the policy's order: where lint findings point. */
  private final List<Node> trustAnchorNodes = new ArrayList<>();

  PolicyParser(Problems problems, Secrets secrets, LocalFiles files) {
    this.problems = problems;
    this.secrets = secrets;
    this.files = files;
  }

  /** Returns the parsed policy, or null after recording every problem. */
  ParsedPolicy parse(Node root) {
    if (root.type != Node.Type.OBJECT) {
      problems.at(root, "A policy file is an object with keys such as 'version' and 'minimumTlsVersion', not "
          + root.type.description + ".");
      return null;
    }
    ROOT.check(root, "", problems);
    version(root);
    Node schema = root.get("$schema");
    if (schema != null) string(schema, "$schema");
    Node node;
    if ((node = root.get("minimumTlsVersion")) != null) minimumTlsVersion(node);
    if ((node = root.get("tlsProvider")) != null) tlsProvider(node);
    if ((node = root.get("cleartextMode")) != null) cleartextMode(node);
    if ((node = root.get("trustAnchors")) != null) trustAnchors(node);
    if ((node = root.get("pins")) != null) pins(node);
    if ((node = root.get("sensitiveHeaders")) != null) sensitiveHeaders(node);
    if ((node = root.get("credentials")) != null) credentials(node);
    if ((node = root.get("maxRedirects")) != null) maxRedirects(node);
    if ((node = root.get("events")) != null) events(node);
    if (!problems.isEmpty()) return null;
    try {
      return new ParsedPolicy(builder.build(), root, trustAnchorNodes);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The one check left to build() is whether the chosen provider is on the class path.
      Node provider = root.get("tlsProvider");
      if (provider != null) problems.at(provider, e.getMessage());
      else problems.file(e.getMessage());
      return null;
    }
  }

  private void version(Node root) {
    Node version = root.get("version");
    if (version == null) {
      problems.at(root, "Missing 'version: " + VERSION + "': every policy file says which format it is written"
          + " in, so that a newer format is never misread.");
    } else if (version.type != Node.Type.NUMBER || !String.valueOf(VERSION).equals(version.text)) {
      problems.at(version, "Unsupported version " + describe(version) + ": this Hardwire reads version " + VERSION
          + ". A newer version needs a newer Hardwire.");
    }
  }

  private void minimumTlsVersion(Node node) {
    if (node.type == Node.Type.NUMBER) {
      problems.at(node, "minimumTlsVersion must be quoted, \"" + node.text + "\": unquoted, " + node.text + " is a"
          + " number, and 1.20 or 1.3000 would mean the same.");
      return;
    }
    String text = string(node, "minimumTlsVersion");
    if (text == null) return;
    TlsVersion version = Spellings.TLS_VERSIONS.get(text);
    if (version != null) {
      builder.minimumTlsVersion(version);
    } else if (OLD_TLS.matcher(text).matches()) {
      problems.at(node, "minimumTlsVersion \"" + text + "\" is not allowed: 1.2 is the oldest TLS version that"
          + " Hardwire allows (TLS 1.0 and 1.1 are deprecated by RFC 8996, SSL long before)."
          + " Write \"1.2\" or \"1.3\".");
    } else if (text.equalsIgnoreCase("TLSv1.2") || text.equalsIgnoreCase("TLSv1.3")) {
      problems.at(node, "minimumTlsVersion \"" + text + "\" is written as the version number alone: \""
          + text.substring(4) + "\".");
    } else {
      problems.at(node, "minimumTlsVersion \"" + text + "\" is not a TLS version: write \"1.2\" or \"1.3\".");
    }
  }

  private void tlsProvider(Node node) {
    TlsProvider provider = choice(node, "tlsProvider", Spellings.TLS_PROVIDERS, "");
    if (provider != null) builder.tlsProvider(provider);
  }

  private void cleartextMode(Node node) {
    CleartextMode mode = choice(node, "cleartextMode", Spellings.CLEARTEXT_MODES, " Cleartext is never sent: an"
        + " http:// URL is refused, or rewritten to https:// with upgrade.");
    if (mode != null) builder.cleartextMode(mode);
  }

  /** The value {@code node} spells, or null after recording a problem. */
  private <T> T choice(Node node, String path, Map<String, T> spellings, String advice) {
    String text = string(node, path);
    if (text == null) return null;
    T value = spellings.get(text);
    if (value == null) {
      problems.at(node, path + " \"" + text + "\" is not one of " + String.join(", ", spellings.keySet()) + "."
          + advice);
    }
    return value;
  }

  private void trustAnchors(Node list) {
    if (!nonEmptyList(list, "trustAnchors", "a list of {file: PATH} or {pem: TEXT} entries")) return;
    List<X509Certificate> roots = new ArrayList<>();
    for (int i = 0; i < list.items.size(); i++) {
      Node entry = list.items.get(i);
      String path = "trustAnchors[" + i + "]";
      if (!object(entry, path)) continue;
      TRUST_ANCHOR.check(entry, path, problems);
      Node file = entry.get("file");
      Node pem = entry.get("pem");
      if ((file == null) == (pem == null)) {
        problems.at(entry, path + " needs exactly one of 'file' (a PEM file, relative to the policy file's"
            + " directory) or 'pem' (the PEM text itself).");
        continue;
      }
      String text = file != null ? pemFile(file, path + ".file") : string(pem, path + ".pem");
      if (text == null) continue;
      List<X509Certificate> certificates = Pem.caCertificates(text, file != null ? file : pem, path, problems);
      if (certificates == null) continue;
      for (X509Certificate certificate : certificates) {
        roots.add(certificate);
        trustAnchorNodes.add(entry);
      }
    }
    if (!roots.isEmpty()) builder.trustAnchors(roots);
  }

  private String pemFile(Node node, String path) {
    String name = string(node, path);
    if (name == null) return null;
    Path file = files.resolve(node, path, name, problems);
    if (file == null) return null;
    byte[] bytes = LocalFiles.read(file, MAX_PEM_FILE_BYTES, node, path, problems);
    return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
  }

  private void pins(Node list) {
    if (!nonEmptyList(list, "pins", "a list of {host, pins} entries")) return;
    Set<String> hosts = new HashSet<>();
    for (int i = 0; i < list.items.size(); i++) {
      Node entry = list.items.get(i);
      String path = "pins[" + i + "]";
      if (!object(entry, path)) continue;
      PINS.check(entry, path, problems);
      String host = hostPattern(entry, path);
      if (host != null && !hosts.add(host)) {
        problems.at(entry.get("host"), path + " pins '" + host + "' again: give each host pattern one entry with"
            + " all its pins.");
        host = null;
      }
      Node reportOnlyNode = entry.get("reportOnly");
      Boolean reportOnly = reportOnlyNode == null ? Boolean.FALSE : bool(reportOnlyNode, path + ".reportOnly");
      List<String> pins = pinList(entry, path, Boolean.TRUE.equals(reportOnly));
      Node expiresNode = entry.get("expires");
      Instant expires = expiresNode == null ? null : instant(expiresNode, path + ".expires");
      if (host == null || reportOnly == null || pins == null || (expiresNode != null && expires == null)) continue;
      String[] array = pins.toArray(new String[0]);
      if (reportOnly) builder.pinReportOnly(host, array);
      else builder.pin(host, array);
      if (expires != null) builder.pinExpiration(host, expires);
    }
  }

  private List<String> pinList(Node entry, String path, boolean reportOnly) {
    Node list = required(entry, "pins", path);
    if (list == null) return null;
    List<String> pins = stringList(list, path + ".pins");
    if (pins == null) return null;
    boolean valid = true;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < pins.size(); i++) {
      try {
        SpkiPins.decode(pins.get(i));
      } catch (IllegalArgumentException e) {
        problems.at(list.items.get(i), path + ".pins[" + i + "]: " + e.getMessage());
        valid = false;
        continue;
      }
      if (!seen.add(pins.get(i))) {
        problems.at(list.items.get(i), path + ".pins[" + i + "] repeats a pin; a repeated pin is no backup.");
        valid = false;
      }
    }
    if (valid && pins.size() == 1 && !reportOnly) {
      problems.at(list, path + " has one pin and no backup. A single enforced pin locks every client out at the"
          + " first key rotation: add the pin of the next key (or of your CA), or set 'reportOnly: true' while"
          + " you collect them.");
      valid = false;
    }
    return valid ? pins : null;
  }

  private Instant instant(Node node, String path) {
    String text = string(node, path);
    if (text == null) return null;
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      problems.at(node, path + " \"" + text + "\" is not a date: write \"2027-01-31\" (midnight UTC) or"
          + " \"2027-01-31T12:00:00Z\".");
      return null;
    }
  }

  private void sensitiveHeaders(Node list) {
    List<String> names = stringList(list, "sensitiveHeaders");
    if (names == null) return;
    for (int i = 0; i < names.size(); i++) {
      try {
        builder.sensitiveHeaders(names.get(i));
      } catch (IllegalArgumentException e) {
        problems.at(list.items.get(i), "sensitiveHeaders[" + i + "]: " + e.getMessage());
      }
    }
  }

  private void credentials(Node list) {
    if (!nonEmptyList(list, "credentials", "a list of {type, host, ...} entries")) return;
    for (int i = 0; i < list.items.size(); i++) {
      Node entry = list.items.get(i);
      String path = "credentials[" + i + "]";
      if (object(entry, path)) credential(entry, path);
    }
  }

  private void credential(Node entry, String path) {
    Node typeNode = required(entry, "type", path);
    String type = typeNode == null ? null : string(typeNode, path + ".type");
    if (type == null) return;
    KnownKeys keys = type.equals("bearer") ? BEARER : type.equals("basic") ? BASIC : type.equals("header") ? HEADER
        : null;
    if (keys == null) {
      problems.at(typeNode, path + ".type \"" + type + "\" is not one of bearer, basic, header.");
      return;
    }
    keys.check(entry, path, problems);
    String host = hostPattern(entry, path);
    Credential credential = null;
    try {
      if (type.equals("bearer")) {
        String token = secret(entry, "token", path);
        if (host != null && token != null) credential = Credential.bearer(host, token);
      } else if (type.equals("basic")) {
        Node usernameNode = required(entry, "username", path);
        // A user name identifies, it does not authenticate: it may be written out or referenced.
        String username = usernameNode == null ? null : usernameNode.type == Node.Type.STRING
            && usernameNode.text.startsWith("$") ? secrets.secret(usernameNode, path + ".username", problems)
            : string(usernameNode, path + ".username");
        String password = secret(entry, "password", path);
        if (host != null && username != null && password != null) {
          credential = Credential.basic(host, username, password);
        }
      } else {
        Node nameNode = required(entry, "name", path);
        String name = nameNode == null ? null : string(nameNode, path + ".name");
        String value = secret(entry, "value", path);
        if (host != null && name != null && value != null) credential = Credential.header(host, name, value);
      }
    } catch (IllegalArgumentException e) {
      // Core's messages name the field and never the secret.
      problems.at(entry, path + ": " + e.getMessage());
      return;
    }
    credential = scope(credential, entry, path);
    if (credential != null) builder.credential(credential);
  }

  /** Applies {@code methods} and {@code pathPrefix}; null after a problem. */
  private Credential scope(Credential credential, Node entry, String path) {
    Node methodsNode = entry.get("methods");
    Node pathNode = entry.get("pathPrefix");
    List<String> methods = methodsNode == null ? null : stringList(methodsNode, path + ".methods");
    String pathPrefix = pathNode == null ? null : string(pathNode, path + ".pathPrefix");
    if (credential == null) return null;
    try {
      if (methods != null) {
        if (methods.isEmpty()) {
          problems.at(methodsNode, path + ".methods is empty: list the methods, or leave the key out for all.");
          return null;
        }
        credential = credential.onlyForMethods(methods.toArray(new String[0]));
      }
      if (pathPrefix != null) credential = credential.onlyUnderPath(pathPrefix);
      return credential;
    } catch (IllegalArgumentException e) {
      problems.at(methods != null && pathPrefix == null ? methodsNode : entry, path + ": " + e.getMessage());
      return null;
    }
  }

  private String secret(Node entry, String key, String path) {
    Node node = required(entry, key, path);
    return node == null ? null : secrets.secret(node, path + "." + key, problems);
  }

  private void maxRedirects(Node node) {
    if (node.type != Node.Type.NUMBER || !NON_NEGATIVE_INTEGER.matcher(node.text).matches()) {
      problems.at(node, "maxRedirects must be a whole number from 0 to 20, not " + describe(node) + ".");
      return;
    }
    try {
      builder.maxRedirects(Integer.parseInt(node.text));
    } catch (IllegalArgumentException e) {
      problems.at(node, e.getMessage() + ".");
    }
  }

  private void events(Node list) {
    List<String> sinks = stringList(list, "events");
    if (sinks == null) return;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sinks.size(); i++) {
      String sink = sinks.get(i);
      Node node = list.items.get(i);
      if (!sink.equals("log")) {
        problems.at(node, "events[" + i + "] \"" + sink + "\" is not an event sink a file can name; the one it"
            + " can is \"log\" (java.util.logging, logger " + SecurityEventLogger.LOGGER_NAME + "). Attach"
            + " telemetry, alerts or Micrometer in code: PolicyFiles.loadBuilder(file).eventListener(...).");
      } else if (!seen.add(sink)) {
        problems.at(node, "events[" + i + "] repeats \"" + sink + "\"; every event would be logged twice.");
      } else {
        builder.eventListener(SecurityEventLogger.create());
      }
    }
  }

  private String hostPattern(Node entry, String path) {
    Node node = required(entry, "host", path);
    String text = node == null ? null : string(node, path + ".host");
    if (text == null) return null;
    try {
      return HostPattern.parse(text).toString();
    } catch (IllegalArgumentException e) {
      problems.at(node, path + ".host: " + e.getMessage());
      return null;
    }
  }

  private Node required(Node entry, String key, String path) {
    Node node = entry.get(key);
    if (node == null) problems.at(entry, path + " is missing '" + key + "'.");
    return node;
  }

  private boolean object(Node node, String path) {
    if (node.type == Node.Type.OBJECT) return true;
    problems.at(node, path + " must be an object, not " + node.type.description + ".");
    return false;
  }

  private boolean nonEmptyList(Node node, String path, String what) {
    if (node.type != Node.Type.ARRAY) {
      problems.at(node, path + " must be " + what + ", not " + node.type.description + ".");
      return false;
    }
    if (node.items.isEmpty()) {
      problems.at(node, path + " is an empty list: leave the key out instead, so that the file says only what"
          + " it means.");
      return false;
    }
    return true;
  }

  private List<String> stringList(Node node, String path) {
    if (!nonEmptyList(node, path, "a list of strings")) return null;
    List<String> result = new ArrayList<>();
    for (int i = 0; i < node.items.size(); i++) {
      String text = string(node.items.get(i), path + "[" + i + "]");
      if (text == null) return null;
      result.add(text);
    }
    return result;
  }

  private String string(Node node, String path) {
    if (node.type == Node.Type.STRING) return node.text;
    problems.at(node, path + " must be a string, not " + node.type.description + ".");
    return null;
  }

  private Boolean bool(Node node, String path) {
    if (node.type == Node.Type.BOOLEAN) return Boolean.valueOf(node.text);
    problems.at(node, path + " must be true or false, not " + describe(node) + ".");
    return null;
  }

  private static String describe(Node node) {
    return node.type == Node.Type.STRING ? "\"" + node.text + "\""
        : node.text != null ? node.text : node.type.description;
  }
}
