package dev.hardwire.audit.scan;

import java.util.List;
import java.util.Set;

/** What the key a URL is filed under says about the URL. */
final class KeyRoles {
  /** Keys whose values are identifiers: namespaces, schema locations, JSON-LD and Schema ids. */
  private static final Set<String> IDENTIFIER_KEYS = Set.of("xmlns", "namespace",
      "targetnamespace", "namespaceuri", "nsuri", "schemalocation", "nonamespaceschemalocation",
      "qname", "schema", "id", "context", "vocab", "type", "dtd", "doctype", "systemid",
      "publicid");

  /** Keys whose values are links for people: project metadata, docs, licenses, prose. */
  private static final Set<String> DOCUMENTATION_KEYS = Set.of("homepage", "home", "homepageurl",
      "homeurl", "documentation", "documentationurl", "docs", "docsurl", "doc", "docurl", "bugs",
      "bugtracker", "bugtrackerurl", "bugreports", "issues", "issuetracker", "issuetrackerurl",
      "issuemanagement", "cimanagement", "changelog", "releasenotes", "license", "licence",
      "licenseurl", "licenses", "author", "authorurl", "authors", "maintainer", "maintainers",
      "developer", "developers", "contributor", "contributors", "organization", "mailinglist",
      "mailinglists", "funding", "website", "sources", "icon", "logo", "wiki", "help",
      "helpurl", "support", "supporturl", "seealso", "see", "link", "reference", "references",
      "externaldocs", "termsofservice", "contact", "description", "summary", "title", "message",
      "msg", "text", "label", "hint", "tooltip", "note", "notes", "comment", "comments",
      "example", "examples", "href", "displayname");

  /**
   * Where a {@code url} is a link: {@code <project><url>}, {@code <scm><url>}, {@code setup.cfg
   * [metadata]}, {@code setup(url=...)}, Gradle's {@code pom { url = ... }}.
   */
  private static final Set<String> LINK_PARENTS = Set.of("project", "scm", "metadata", "setup",
      "pom");

  /** Package manifests whose {@code repository} is the source browser, not a download. */
  private static final Set<String> MANIFEST_SECTIONS = Set.of("poetry", "project", "package");

  /** Words in a setting's name that say it holds an endpoint: {@code API_HOST}, {@code baseUrl}. */
  private static final Set<String> ENDPOINT_WORDS = Set.of("url", "uri", "endpoint", "endpoints",
      "host", "hosts", "hostname", "server", "servers", "address", "addr", "upstream", "target",
      "origin", "backend", "proxy");

  private KeyRoles() {
  }

  /** Whether the own key (first of {@code keys}) marks the value as an identifier. */
  static boolean isIdentifier(List<String> keys) {
    if (keys.isEmpty()) {
      return false;
    }
    String own = keys.get(0);
    // JSON-LD and JSON Schema keep their ids under "@id", "$schema", "$id": sigil required for
    // the generic words, so a plain "id:" or "type:" setting stays a setting.
    boolean sigil = own.startsWith("$") || own.startsWith("@");
    String key = Keys.normalize(own);
    return IDENTIFIER_KEYS.contains(key) && (sigil || !Set.of("id", "type", "context", "schema",
        "vocab").contains(key));
  }

  /** Whether any of the keys marks the value as a link meant for people. */
  static boolean isDocumentation(List<String> keys) {
    for (String key : keys) {
      // "help.text" and "org.opencontainers.image.documentation" name their kind last
      String lastSegment = key.substring(key.lastIndexOf('.') + 1);
      if (DOCUMENTATION_KEYS.contains(Keys.normalize(key))
          || DOCUMENTATION_KEYS.contains(Keys.normalize(lastSegment))) {
        return true;
      }
    }
    if (keys.isEmpty()) {
      return false;
    }
    String own = Keys.normalize(keys.get(0));
    if (keys.size() == 1) {
      return own.equals("repository"); // top level of package.json and friends
    }
    String parent = Keys.normalize(keys.get(1));
    return own.equals("url") && LINK_PARENTS.contains(parent)
        || own.equals("repository") && MANIFEST_SECTIONS.contains(parent);
  }

  /** Whether {@code key} names an endpoint setting. */
  static boolean namesEndpoint(String key) {
    for (String word : Keys.words(key)) {
      if (ENDPOINT_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
