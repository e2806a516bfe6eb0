package dev.hardwire.core.internal.url;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.events.CallSites;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.hosts.HostNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The check every adapter runs on a request URL before any DNS lookup or socket. Only {@code https}
 * and {@code wss} pass; with {@link CleartextMode#UPGRADE}, {@code http} and {@code ws} are rewritten
 * first. Everything else, including URLs that do not parse, is refused.
 *
 * <p>Each call on a request emits exactly one of {@code REQUEST_ALLOWED}, {@code
 * CLEARTEXT_UPGRADED}, {@code CLEARTEXT_REFUSED} or {@code URL_REFUSED}, so counting events counts
 * requests.
 */
public final class UrlGuard {
  private final CleartextMode mode;
  private final EventDispatcher events;

  public UrlGuard(CleartextMode mode, EventDispatcher events) {
    this.mode = mode;
    this.events = events;
  }

  /**
   * Returns the absolute https (or wss) URI to send {@code url} to.
   *
   * @throws CleartextRefusedException for any other scheme, a missing scheme or an unparsable URL
   * @throws RequestRefusedException for a URL with userinfo or without a valid host
   */
  public URI checkRequest(String url) throws RequestRefusedException {
    return check(url, null, true);
  }

  /**
   * Like {@link #checkRequest} for a URI the client already parsed; returns {@code uri} itself when
   * it passes unchanged.
   */
  public URI checkRequest(URI uri) throws RequestRefusedException {
    return check(uri == null ? null : uri.toString(), uri, true);
  }

  /**
   * Checks a redirect target without counting it as a new request: no event on success, and no
   * upgrade (a redirect to http is a downgrade, never rewritten).
   *
   * @throws RedirectRefusedException for a target that {@link #checkRequest} would refuse or
   *     upgrade; the message names {@code from}
   */
  public URI checkRedirectTarget(URI from, URI target) throws RedirectRefusedException {
    try {
      return check(target.toString(), target, false);
    } catch (RequestRefusedException e) {
      boolean downgrade = e instanceof CleartextRefusedException;
      String message = "Redirect refused: " + Redaction.redact(from.toString()) + " redirected to "
          + e.redactedUrl() + ". " + (downgrade
          ? "Following it would send the request in cleartext. Fix the server's Location header to use https://."
          : e.getMessage());
      emitRefusal(SecurityEvent.Kind.REDIRECT_REFUSED, e.redactedUrl(), downgrade ? "DOWNGRADE" : "INVALID_TARGET",
          message);
      throw new RedirectRefusedException(message, e.redactedUrl());
    }
  }

  /**
   * {@code parsed} is {@code url} already parsed, or null. A parsed URI has no surrounding blanks,
   * so its string is already trimmed and need not be parsed again.
   */
  private URI check(String url, URI parsed, boolean isRequest) throws RequestRefusedException {
    if (url == null) throw new NullPointerException("url == null");
    String trimmed = url.trim();
    String scheme = scheme(trimmed);
    if (scheme == null) {
      String redacted = Redaction.redact(trimmed);
      throw refuseCleartext(isRequest, redacted, "NO_SCHEME", "Request refused: '" + redacted
          + "' is not an absolute URL. Hardwire sends requests to https:// URLs only; write https://host/path.");
    }
    boolean secure = scheme.equals("https") || scheme.equals("wss");
    boolean upgradable = scheme.equals("http") || scheme.equals("ws");
    if (!secure && !(upgradable && isRequest && mode == CleartextMode.UPGRADE)) {
      String redacted = Redaction.redact(trimmed);
      throw refuseCleartext(isRequest, redacted, schemeReason(scheme), cleartextMessage(scheme, redacted));
    }
    URI uri;
    try {
      uri = parsed != null ? parsed : new URI(trimmed);
    } catch (URISyntaxException e) {
      String redacted = Redaction.redact(trimmed);
      throw refuseCleartext(isRequest, redacted, "MALFORMED", "Request refused: '" + redacted
          + "' is not a valid URL (" + e.getReason() + "). Percent-encode reserved characters in the path and query.");
    }
    if (uri.getRawUserInfo() != null) {
      String redacted = Redaction.redact(trimmed);
      throw refuse(isRequest, redacted, "USERINFO", "Request refused: " + redacted + " carries a user name or"
          + " password in the URL, where logs and proxies see it. Remove it and configure"
          + " Credential.basic(host, user, password) or Credential.bearer(host, token) on the SecurityPolicy.");
    }
    String host = uri.getHost() == null ? null : HostNames.canonicalize(uri.getHost());
    if (host == null) {
      String redacted = Redaction.redact(trimmed);
      throw refuse(isRequest, redacted, "NO_HOST", "Request refused: " + redacted + " has no valid host name."
          + " Write https://host/path with an ASCII (or punycode) host name or an IP literal.");
    }
    if (!secure) {
      String redacted = Redaction.redact(trimmed);
      URI upgraded = upgrade(uri);
      events.emit(events.event(SecurityEvent.Kind.CLEARTEXT_UPGRADED)
          .url(redacted)
          .host(host)
          .callSite(CallSites.current())
          .message("Upgraded " + redacted + " to " + Redaction.redact(upgraded.toString())
              + " (CleartextMode.UPGRADE); change the URL in the code to stop this event."));
      return upgraded;
    }
    if (isRequest && events.hasListeners()) {
      events.emit(events.event(SecurityEvent.Kind.REQUEST_ALLOWED).url(Redaction.redact(trimmed)).host(host));
    }
    return uri;
  }

  private static String cleartextMessage(String scheme, String redacted) {
    String fix;
    if (scheme.equals("http") || scheme.equals("ws")) {
      String secureScheme = scheme.equals("http") ? "https" : "wss";
      String example = redacted.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3)
          ? secureScheme + redacted.substring(scheme.length())
          : secureScheme + "://host/path";
      fix = "Use " + example + ", or CleartextMode.UPGRADE to rewrite " + scheme + ":// URLs to " + secureScheme
          + "://.";
    } else {
      fix = "Hardwire supports https:// (and wss://) only.";
    }
    return "Cleartext request refused: " + redacted + ". Hardwire sends nothing without TLS. " + fix;
  }

  private CleartextRefusedException refuseCleartext(boolean isRequest, String redacted, String reason,
      String message) {
    if (isRequest) emitRefusal(SecurityEvent.Kind.CLEARTEXT_REFUSED, redacted, reason, message);
    return new CleartextRefusedException(message, redacted);
  }

  private RequestRefusedException refuse(boolean isRequest, String redacted, String reason, String message) {
    if (isRequest) emitRefusal(SecurityEvent.Kind.URL_REFUSED, redacted, reason, message);
    return new RequestRefusedException(message, redacted);
  }

  private void emitRefusal(SecurityEvent.Kind kind, String redacted, String reason, String message) {
    if (!events.hasListeners()) return;
    events.emit(events.event(kind)
        .url(redacted)
        .reason(reason)
        .callSite(CallSites.current())
        .message(message));
  }

  /**
   * A bounded reason code: schemes come from callers' URLs, so passing them through would let
   * arbitrary input create metric series.
   */
  private static String schemeReason(String scheme) {
    switch (scheme) {
      case "http":
      case "ws":
      case "ftp":
        return scheme.toUpperCase(Locale.ROOT);
      default:
        return "OTHER_SCHEME";
    }
  }

  /** The scheme, lower case, if {@code url} starts with a syntactically valid one. */
  static String scheme(String url) {
    int colon = url.indexOf(':');
    if (colon <= 0) return null;
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) return null;
    }
    return url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static URI upgrade(URI uri) {
    String scheme = uri.getScheme().equalsIgnoreCase("ws") ? "wss" : "https";
    int port = uri.getPort() == 80 ? -1 : uri.getPort();
    StringBuilder result = new StringBuilder(scheme).append("://").append(uri.getRawAuthority() == null
        ? "" : hostAndPort(uri.getHost(), port));
    if (uri.getRawPath() != null) result.append(uri.getRawPath());
    if (uri.getRawQuery() != null) result.append('?').append(uri.getRawQuery());
    if (uri.getRawFragment() != null) result.append('#').append(uri.getRawFragment());
    return URI.create(result.toString());
  }

  private static String hostAndPort(String host, int port) {
    return port == -1 ? host : host + ":" + port;
  }
}
