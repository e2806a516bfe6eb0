package dev.hardwire.okhttp.internal;

import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.url.Redaction;
import dev.hardwire.core.internal.url.UrlGuard;
import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Wraps the caller's {@link Authenticator}. OkHttp sends the request it returns without passing
 * Hardwire's interceptors again, carrying the credentials of the request that was challenged; so
 * that request must go back to the same https origin, or nowhere.
 */
final class SameOriginAuthenticator implements Authenticator {
  private final Authenticator delegate;
  private final UrlGuard urlGuard;
  private final EventDispatcher events;

  SameOriginAuthenticator(Authenticator delegate, PolicyEnforcer enforcer) {
    this.delegate = delegate;
    this.urlGuard = enforcer.urlGuard();
    this.events = enforcer.events();
  }

  @Override
  public Request authenticate(Route route, Response response) throws IOException {
    Request retry = delegate.authenticate(route, response);
    if (retry == null) return null;
    HttpUrl challenged = response.request().url();
    HttpUrl target = retry.url();
    urlGuard.checkRedirectTarget(Hop.uriOf(challenged), Hop.uriOf(target));
    if (!target.host().equals(challenged.host()) || target.port() != challenged.port()) {
      String url = Redaction.redact(target.toString());
      String message = "Request refused: the Authenticator answered a challenge from "
          + Redaction.redact(challenged.toString()) + " with a request to " + url + ", which would carry that"
          + " host's credentials elsewhere. Return a request for the challenged URL.";
      events.emit(events.event(SecurityEvent.Kind.REDIRECT_REFUSED)
          .url(url)
          .host(target.host())
          .reason("AUTHENTICATOR_CROSS_ORIGIN")
          .message(message));
      throw new RequestRefusedException(message, url);
    }
    return retry;
  }
}
