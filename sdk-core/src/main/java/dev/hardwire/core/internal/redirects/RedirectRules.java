package dev.hardwire.core.internal.redirects;

import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.events.CallSites;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.url.Redaction;
import dev.hardwire.core.internal.url.UrlGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides each redirect hop for every adapter. Clients' own redirect following is turned off,
 * because measured clients forward {@code X-Api-Key} (and some {@code Authorization} and {@code
 * Cookie}) to another host, and some follow https to http.
 *
 * <p>A hop to anything but https is refused; the number of hops is capped; a hop to another origin
 * drops {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, credential headers and the
 * policy's sensitive headers. Methods change as browsers do (RFC 9110 15.4): 303 becomes GET (HEAD
 * stays HEAD), 301 and 302 turn POST into GET, 307 and 308 keep method and body.
 */
public final class RedirectRules {
  private static final Set<String> ALWAYS_SENSITIVE = Collections.unmodifiableSet(new LinkedHashSet<>(
      java.util.Arrays.asList("authorization", "proxy-authorization", "cookie")));

  private final UrlGuard urlGuard;
  private final int maxRedirects;
  private final Set<String> droppedOnCrossOrigin;
  private final Set<String> credentialHeaders;
  private final EventDispatcher events;

  public RedirectRules(UrlGuard urlGuard, int maxRedirects, Set<String> sensitiveHeaders,
      Set<String> credentialHeaders, EventDispatcher events) {
    this.urlGuard = urlGuard;
    this.maxRedirects = maxRedirects;
    Set<String> dropped = new LinkedHashSet<>(ALWAYS_SENSITIVE);
    dropped.addAll(sensitiveHeaders);
    dropped.addAll(credentialHeaders);
    this.droppedOnCrossOrigin = Collections.unmodifiableSet(dropped);
    this.credentialHeaders = credentialHeaders;
    this.events = events;
  }

  /**
   * Lower-case names of every header that may carry a secret under {@code policy}: {@code
   * Authorization}, {@code Proxy-Authorization}, {@code Cookie}, the credentials' headers and the
   * policy's sensitive headers. The headers a cross-origin hop drops, and a request log must redact.
   */
  public static Set<String> sensitiveHeaderNames(SecurityPolicy policy) {
    Set<String> names = new LinkedHashSet<>(ALWAYS_SENSITIVE);
    names.addAll(policy.sensitiveHeaders());
    for (Credential credential : policy.credentials()) names.add(credential.headerName().toLowerCase(Locale.ROOT));
    return Collections.unmodifiableSet(names);
  }

  /** True for the statuses Hardwire follows: 301, 302, 303, 307 and 308. */
  public static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Returns the next hop after a response with {@code status} and {@code location} to a request
   * {@code method current}, which was hop number {@code hopsSoFar} (0 for the original request).
   *
   * @return null if the response is not a redirect to follow (not a redirect status, or no
   *     Location): hand it to the caller as it is
   * @throws RedirectRefusedException if the target is not https, is malformed, or the hop limit is
   *     reached; nothing has been sent to the target
   */
  public RedirectHop next(URI current, String method, int status, String location, int hopsSoFar)
      throws RedirectRefusedException {
    if (!isRedirect(status) || location == null) return null;
    if (hopsSoFar >= maxRedirects) {
      throw refuse(current, "TOO_MANY", "Redirect refused: " + Redaction.redact(current.toString()) + " is hop "
          + (hopsSoFar + 1) + ", more than the policy's maxRedirects(" + maxRedirects + "). Check for a redirect loop,"
          + " or raise maxRedirects.");
    }
    URI target;
    try {
      target = current.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw refuse(current, "MALFORMED", "Redirect refused: " + Redaction.redact(current.toString())
          + " answered " + status + " with a Location that is not a valid URL. Fix the server's Location header.");
    }
    target = urlGuard.checkRedirectTarget(current, target);
    String upper = method.toUpperCase(Locale.ROOT);
    boolean toGet = (status == 303 && !upper.equals("HEAD"))
        || ((status == 301 || status == 302) && upper.equals("POST"));
    boolean crossOrigin = !sameOrigin(current, target);
    if (crossOrigin && events.hasListeners()) {
      events.emit(events.event(SecurityEvent.Kind.REDIRECT_CROSS_ORIGIN)
          .url(Redaction.redact(target.toString()))
          .host(target.getHost())
          .message("Followed a redirect from " + Redaction.redact(current.toString()) + " to another origin; dropped "
              + droppedOnCrossOrigin + "."));
    }
    return new RedirectHop(target, toGet ? "GET" : method, !toGet,
        crossOrigin, droppedOnCrossOrigin, credentialHeaders);
  }

  private RedirectRefusedException refuse(URI current, String reason, String message) {
    events.emit(events.event(SecurityEvent.Kind.REDIRECT_REFUSED)
        .url(Redaction.redact(current.toString()))
        .host(current.getHost())
        .reason(reason)
        .callSite(CallSites.current())
        .message(message));
    return new RedirectRefusedException(message, Redaction.redact(current.toString()));
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) return uri.getPort();
    return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
