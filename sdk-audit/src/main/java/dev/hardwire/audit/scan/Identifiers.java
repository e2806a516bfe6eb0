package dev.hardwire.audit.scan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URLs that name something rather than locate it: XML namespaces and schemas, DTDs, parser
 * feature URIs, JSON-LD and JSON Schema identifiers, and license texts. Nothing connects to them,
 * so they are never findings, wherever they appear.
 */
final class Identifiers {
  // host + path prefixes, lower case; a prefix ending in '/' matches that folder only.
  private static final List<String> PREFIXES = List.of(
      "www.w3.org", "w3.org/", "xml.org/", "www.xml.org/", "apache.org/xml/",
      "xml.apache.org/", "javax.xml.", "java.sun.com/", "xmlns.jcp.org/", "xmlns.oracle.com/",
      "www.oracle.com/xml/", "schemas.android.com/", "schemas.xmlsoap.org/",
      "schemas.microsoft.com/", "schemas.openxmlformats.org/", "docs.oasis-open.org/",
      "purl.org/", "purl.oclc.org/", "json-schema.org/", "schema.org", "www.schema.org",
      "ogp.me/ns", "xmlns.com/", "rdfs.org/", "ns.adobe.com/", "www.opengis.net/",
      "www.omg.org/spec/", "www.springframework.org/schema/", "www.springframework.org/tags",
      "www.springframework.org/dtd/", "xmlpull.org/", "jabber.org/protocol",
      "etherx.jabber.org/", "www.sitemaps.org/schemas/", "www.google.com/schemas/sitemap",
      "schemas.google.com/", "relaxng.org/ns/", "www.eclipse.org/emf/",
      "www.apache.org/licenses", "apache.org/licenses", "opensource.org/licenses",
      "www.opensource.org/licenses", "www.gnu.org/licenses", "www.gnu.org/copyleft",
      "gnu.org/licenses", "creativecommons.org/licenses", "creativecommons.org/publicdomain",
      "www.eclipse.org/legal/", "www.mozilla.org/mpl", "mozilla.org/mpl", "unlicense.org",
      "choosealicense.com/", "spdx.org/licenses");

  /** Maven's model namespaces: http://maven.apache.org/POM/4.0.0, /SETTINGS/1.0.0, /xsd/... */
  private static final Pattern MAVEN_MODEL = Pattern.compile("maven\\.apache\\.org/([A-Z]+/|xsd/)");

  /** Files that define structure rather than serve content. */
  private static final Pattern SCHEMA_FILE =
      Pattern.compile("[^?#]*\\.(xsd|dtd|ent|mod|rng|rnc|xsl)([?#].*)?");

  private Identifiers() {
  }

  /** Whether {@code urlAfterScheme} (host and path, without {@code scheme://}) is an identifier. */
  static boolean isIdentifier(String urlAfterScheme) {
    String url = urlAfterScheme.toLowerCase(Locale.ROOT);
    for (String prefix : PREFIXES) {
      if (url.startsWith(prefix) && (prefix.endsWith("/") || prefix.endsWith(".")
          || url.length() == prefix.length()
          || "/#?".indexOf(url.charAt(prefix.length())) >= 0)) {
        return true;
      }
    }
    return MAVEN_MODEL.matcher(urlAfterScheme).lookingAt()
        || SCHEMA_FILE.matcher(url).matches();
  }
}
