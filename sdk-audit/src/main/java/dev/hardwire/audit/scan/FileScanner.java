package dev.hardwire.audit.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the cleartext endpoints in one decoded file. */
final class FileScanner {
  /** What a Hardwire policy in code looks like when it upgrades cleartext. */
  static final String UPGRADE_IN_CODE = "CleartextMode.UPGRADE";

  private static final Pattern HOST_PORT_80 = Pattern.compile(
      "(?<![\\w.@/:\\[-])((?:[A-Za-z0-9-]+\\.)*[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*"
          + "|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+])(:80)(?![\\w.:])");

  private final String file;
  private final Language language;
  private final SourceText source;
  private final List<Span> spans;
  private final boolean upgraded;

  private FileScanner(String file, Language language, String text, boolean upgradedByPolicy) {
    this.file = file;
    this.language = language;
    this.source = new SourceText(text);
    this.spans = language.syntax == Syntax.XML ? XmlLexer.lex(text)
        : CodeLexer.lex(text, language.syntax);
    this.upgraded = upgradedByPolicy || upgradesInCode(text);
  }

  /**
   * The findings in {@code text}, in order.
   *
   * @param file the path reported in findings
   * @param upgradedByPolicy whether a Hardwire policy with {@code cleartextMode: UPGRADE}
   *     covers this file, so that its http and ws URLs are rewritten before use
   */
  static List<Finding> scan(String file, Language language, String text,
      boolean upgradedByPolicy) {
    return new FileScanner(file, language, text, upgradedByPolicy).findings();
  }

  private List<Finding> findings() {
    List<Finding> findings = new ArrayList<>();
    String text = source.text;
    int covered = -1;
    for (int at = text.indexOf("//"); at >= 0; at = text.indexOf("//", at + 2)) {
      int separator = separatorBefore(at);
      if (separator < 0 || at < covered || isInComment(separator)) {
        continue; // comments hold documentation links: not worth parsing
      }
      Endpoint endpoint = Endpoint.at(text, separator, language.syntax == Syntax.PROPERTIES);
      if (endpoint == null) {
        continue;
      }
      covered = endpoint.end(); // a URL inside another URL's query is a parameter, not a request
      Finding finding = classify(endpoint);
      if (finding != null) {
        findings.add(finding);
      }
    }
    if (text.contains(":80")) {
      findHostPort80(findings);
      findings.sort(Finding.BY_LOCATION);
    }
    return findings;
  }

  /** The offset of {@code :} in {@code ://} (or {@code :\\//}) ending at {@code slashes}, or -1. */
  private int separatorBefore(int slashes) {
    return slashes > 0 && source.text.charAt(slashes - 1) == ':' ? slashes - 1 : -1;
  }

  private boolean isInComment(int offset) {
    Span span = Span.find(spans, offset);
    return span != null && span.kind() == Span.Kind.COMMENT;
  }

  private Finding classify(Endpoint endpoint) {
    Span span = Span.find(spans, endpoint.start());
    if (Identifiers.isIdentifier(endpoint.text().substring(endpoint.text().indexOf("//") + 2))) {
      return null;
    }
    List<String> keys = Keys.of(source, language.syntax, span, endpoint.start());
    if (isDockerMetadata(endpoint.start())) {
      return null;
    }
    if (KeyRoles.isIdentifier(keys) || KeyRoles.isDocumentation(keys)
        || isSentence(span, endpoint)) {
      return null;
    }
    HostClass host = HostClass.of(endpoint.host());
    if (host == HostClass.EXAMPLE) {
      return null;
    }
    boolean upgradable = !endpoint.scheme().equals("ftp") && !endpoint.hasUserinfo();
    if (upgraded && upgradable) {
      return null;
    }
    String credential = Credentials.reason(source, endpoint, language);
    Finding finding = finding(endpoint.start(), Redactor.redactUrl(endpoint.text()),
        endpoint.scheme(), endpoint.host(), host, credential, null);
    return UrlClassifier.isFixable(endpoint, host) ? finding.withFixable() : finding;
  }

  /** Dockerfile LABEL and MAINTAINER lines hold metadata links, not endpoints. */
  private boolean isDockerMetadata(int offset) {
    if (language != Language.DOCKERFILE) {
      return false;
    }
    int line = source.lineIndexOf(offset);
    while (line > 0 && source.line(line - 1).endsWith("\\")) {
      line--; // a continuation line belongs to the instruction above it
    }
    String instruction = source.line(line).stripLeading().toUpperCase(java.util.Locale.ROOT);
    return instruction.startsWith("LABEL ") || instruction.startsWith("MAINTAINER ");
  }

  private boolean isSentence(Span span, Endpoint endpoint) {
    int start;
    int end;
    if (span != null && (span.kind() == Span.Kind.STRING || span.kind() == Span.Kind.TEXT)) {
      start = span.start();
      end = span.end();
    } else {
      int line = source.lineIndexOf(endpoint.start());
      start = source.lineStart(line);
      end = source.lineEnd(line);
      for (int i = Span.firstStartingAt(spans, endpoint.end()); i < spans.size(); i++) {
        Span other = spans.get(i);
        if (other.start() >= end) {
          break;
        }
        if (other.kind() == Span.Kind.COMMENT) {
          end = other.start(); // a trailing comment is not part of the value
          break;
        }
      }
    }
    String region = source.text.substring(start, Math.max(end, endpoint.end()));
    return Prose.isSentence(region, endpoint.start() - start, endpoint.end() - start);
  }

  private void findHostPort80(List<Finding> findings) {
    for (int line = 0; line < source.lineCount(); line++) {
      String text = source.line(line);
      if (!text.contains(":80")) {
        continue;
      }
      Matcher matcher = HOST_PORT_80.matcher(text);
      while (matcher.find()) {
        int offset = source.lineStart(line) + matcher.start();
        if (isInComment(offset)) {
          continue;
        }
        Span span = Span.find(spans, offset);
        List<String> keys = Keys.of(source, language.syntax, span, offset);
        String hostName = matcher.group(1);
        HostClass host = HostClass.of(hostName);
        if (keys.isEmpty() || !KeyRoles.namesEndpoint(keys.get(0)) || host == HostClass.EXAMPLE
            || upgraded) {
          continue;
        }
        String written = hostName + ":80";
        Endpoint endpoint = new Endpoint(offset, offset + written.length(), "http", false,
            hostName, 80, written);
        findings.add(finding(offset, written, "http", hostName, host,
            Credentials.reason(source, endpoint, language), keys.get(0)));
      }
    }
  }

  private Finding finding(int offset, String maskedUrl, String scheme, String hostName,
      HostClass host, String credential, String settingKey) {
    int line = source.lineIndexOf(offset);
    int column = offset - source.lineStart(line) + 1;
    Rule rule;
    Severity severity;
    String where;
    if (host == HostClass.LOOPBACK) {
      rule = Rule.LOOPBACK_HTTP;
      severity = Severity.INFO;
      where = "loopback host " + hostName + " (stays on this machine; fine for test servers)";
    } else {
      rule = settingKey != null ? Rule.CLEARTEXT_HOST_PORT_80 : ruleFor(scheme);
      severity = severityFor(host, scheme, credential);
      where = describe(host, hostName) + (credential == null ? "" : ", with " + credential);
    }
    String what = settingKey != null ? "Port 80 in setting '" + settingKey + "'" : scheme + "://";
    String fix = rule == Rule.LOOPBACK_HTTP ? "" : "; " + fixFor(scheme, settingKey != null);
    return new Finding(file, line + 1, column, maskedUrl, rule, severity,
        what + " to " + where + fix, false);
  }

  private static Rule ruleFor(String scheme) {
    switch (scheme) {
      case "ws":
        return Rule.CLEARTEXT_WS;
      case "ftp":
        return Rule.CLEARTEXT_FTP;
      default:
        return Rule.CLEARTEXT_HTTP;
    }
  }

  private static Severity severityFor(HostClass host, String scheme, String credential) {
    if (credential != null) {
      return Severity.CRITICAL;
    }
    if (scheme.equals("ftp")) {
      return Severity.HIGH; // the FTP login itself is cleartext, on any network
    }
    switch (host) {
      case PUBLIC:
        return Severity.HIGH;
      case LINK_LOCAL:
        return Severity.LOW;
      default:
        return Severity.MEDIUM;
    }
  }

  private static String describe(HostClass host, String hostName) {
    switch (host) {
      case PUBLIC:
        return "public host " + hostName;
      case LINK_LOCAL:
        return "link-local host " + hostName + " (metadata services only speak http)";
      case TEMPLATED:
        return "a host chosen at run time (" + hostName + ")";
      default:
        return "internal host " + hostName;
    }
  }

  private static String fixFor(String scheme, boolean hostPort) {
    if (hostPort) {
      return "use https:// on port 443";
    }
    switch (scheme) {
      case "ws":
        return "use wss://";
      case "ftp":
        return "use SFTP or https://";
      default:
        return "use https://";
    }
  }

  private boolean upgradesInCode(String text) {
    for (int at = text.indexOf(UPGRADE_IN_CODE); at >= 0;
        at = text.indexOf(UPGRADE_IN_CODE, at + 1)) {
      Span span = Span.find(spans, at);
      if (span == null || span.kind() != Span.Kind.COMMENT) {
        return true;
      }
    }
    return false;
  }
}
