package dev.hardwire.okhttp.internal;

import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.redirects.RedirectHop;
import dev.hardwire.core.internal.redirects.RedirectRules;
import dev.hardwire.core.internal.tls.HandshakeFailures;
import dev.hardwire.core.internal.url.UrlGuard;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The first application interceptor: runs the URL guard on every call before OkHttp resolves or
 * connects anything, then sends the call hop by hop, each redirect decided by core's {@link
 * RedirectRules} (OkHttp's own following is off). A hop whose handshake failed for another reason
 * than the certificate fails with the reason the policy gives, not the provider's bare alert.
 */
final class GuardInterceptor implements Interceptor {
  private final UrlGuard urlGuard;
  private final RedirectRules redirects;
  private final List<String> allowedProtocols;
  private final boolean followRedirects;

  GuardInterceptor(PolicyEnforcer enforcer, boolean followRedirects) {
    this.urlGuard = enforcer.urlGuard();
    this.redirects = enforcer.redirects();
    this.allowedProtocols = enforcer.tls().protocols();
    this.followRedirects = followRedirects;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    URI requested = requestedUri(request);
    URI uri = urlGuard.checkRequest(requested);
    Request hop = Hop.approved(request, uri, null);
    for (int hops = 0; ; hops++) {
      Response response;
      try {
        response = chain.proceed(hop);
      } catch (IOException e) {
        throw HandshakeFailures.explained(hop.url().host(), e, allowedProtocols);
      }
      if (!followRedirects) return response;
      URI hopUri = Hop.of(hop).uri();
      RedirectHop next;
      try {
        next = redirects.next(hopUri, hop.method(), response.code(), response.header("Location"), hops);
      } catch (IOException e) {
        response.close();
        throw e;
      }
      if (next == null) return response;
      RequestBody body = next.keepsBody() ? hop.body() : null;
      if (body != null && body.isOneShot()) return response;
      response.close();
      hop = nextHop(hop, hopUri, next, body);
    }
  }

  private static Request nextHop(Request hop, URI hopUri, RedirectHop next, RequestBody body) {
    Request.Builder builder = hop.newBuilder();
    for (String name : hop.headers().names()) {
      if (next.dropsHeader(name)) builder.removeHeader(name);
    }
    builder.method(next.method(), body);
    return Hop.approved(builder.build(), next.target(), hopUri);
  }

  /**
   * The URL the caller asked for. OkHttp stores {@code ws://} and {@code wss://} as http and https;
   * the upgrade headers tell a WebSocket call, so the guard judges (and reports) the real scheme.
   */
  private static URI requestedUri(Request request) {
    URI uri = Hop.uriOf(request.url());
    if (!"websocket".equalsIgnoreCase(request.header("Upgrade"))) return uri;
    String scheme = request.url().isHttps() ? "wss" : "ws";
    return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
  }
}
