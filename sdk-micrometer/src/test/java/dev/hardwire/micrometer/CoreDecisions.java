package dev.hardwire.micrometer;

import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.credentials.CredentialScope;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.redirects.RedirectRules;
import dev.hardwire.core.internal.url.UrlGuard;
import java.net.URI;

/**
 * Core's real URL guard, credential scope and redirect rules for a policy, wired to its listeners
 * exactly as {@code PolicyEnforcer} wires them for an adapter, without the TLS parts.
 */
final class CoreDecisions {
  final UrlGuard urlGuard;
  final CredentialScope credentials;
  final RedirectRules redirects;

  private CoreDecisions(SecurityPolicy policy) {
    EventDispatcher events = new EventDispatcher(policy.eventListeners(), policy.clock());
    this.urlGuard = new UrlGuard(policy.cleartextMode(), events);
    this.credentials = new CredentialScope(policy.credentials(), events);
    this.redirects = new RedirectRules(urlGuard, policy.maxRedirects(), policy.sensitiveHeaders(),
        credentials.headerNames(), events);
  }

  static CoreDecisions of(SecurityPolicy policy) {
    return new CoreDecisions(policy);
  }

  /** Asks the URL guard about {@code url}; returns false if it refused. */
  boolean request(String url) {
    try {
      urlGuard.checkRequest(url);
      return true;
    } catch (RequestRefusedException e) {
      return false;
    }
  }

  /** Asks the redirect rules about a 302 to {@code location}; returns false if they refused. */
  boolean redirect(String from, String location, int hopsSoFar) {
    try {
      redirects.next(URI.create(from), "GET", 302, location, hopsSoFar);
      return true;
    } catch (RequestRefusedException e) {
      return false;
    }
  }

  /**
   * The scripted mix the tests assert exact values for: 5 allowed, 3 refused as cleartext (two
   * {@code http://} carrying a canary, one {@code ftp://}), 1 refused for userinfo.
   */
  void scriptedMix() {
    for (int i = 0; i < 5; i++) request("https://api.example.com/v1/items/" + i);
    request("http://api.example.com/v1/items?key=canary-query-1");
    request("HTTP://api.example.com/v1/items?key=canary-query-2");
    request("ftp://files.example.com/report.csv");
    request("https://user:canary-password@api.example.com/v1/items");
  }
}
