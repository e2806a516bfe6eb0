package dev.hardwire.okhttp.internal;

import dev.hardwire.core.Credential;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.credentials.CredentialScope;
import dev.hardwire.core.internal.url.UrlGuard;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The last application interceptor, run once per hop: it refuses a hop whose TLS settings an
 * earlier interceptor replaced, guards a URL an earlier interceptor rewrote, and attaches exactly
 * the credentials core decides for the hop. Attaching here, after the caller's application
 * interceptors, keeps credentials out of their logs.
 */
final class HopInterceptor implements Interceptor {
  private final UrlGuard urlGuard;
  private final CredentialScope credentials;
  private final PolicyConnections connections;

  HopInterceptor(PolicyEnforcer enforcer, PolicyConnections connections) {
    this.urlGuard = enforcer.urlGuard();
    this.credentials = enforcer.credentials();
    this.connections = connections;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    connections.checkSettings(chain, request);
    Hop hop = Hop.of(request);
    if (hop == null || !hop.approves(request)) {
      // An interceptor between Hardwire's two changed the URL: that is a new request to guard.
      request = Hop.approved(request, urlGuard.checkRequest(Hop.uriOf(request.url())), hop == null ? null : hop.previous());
      hop = Hop.of(request);
    }
    return chain.proceed(withCredentials(request, hop));
  }

  private Request withCredentials(Request request, Hop hop) {
    List<Credential> attach = credentials.forHop(hop.uri(), request.method(), hop.previous());
    Set<String> managed = credentials.headerNames();
    if (managed.isEmpty()) return request;
    Headers headers = request.headers();
    Request.Builder builder = null;
    for (int i = 0, size = headers.size(); i < size; i++) {
      String name = headers.name(i);
      if (managed.contains(name.toLowerCase(Locale.ROOT))) {
        if (builder == null) builder = request.newBuilder();
        builder.removeHeader(name);
      }
    }
    if (attach.isEmpty() && builder == null) return request;
    if (builder == null) builder = request.newBuilder();
    for (Credential credential : attach) builder.header(credential.headerName(), credential.headerValue());
    return builder.build();
  }
}
