package dev.hardwire.jdk.internal;

import dev.hardwire.core.Credential;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.credentials.CredentialScope;
import dev.hardwire.core.internal.redirects.RedirectHop;
import dev.hardwire.core.internal.redirects.RedirectRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * One request's way through its hops: the URL the guard approved, the credentials core decides
 * for each hop, and each redirect decided by core's {@link RedirectRules} (the JDK client's own
 * following is off). Not thread-safe: one exchange is driven by one send at a time.
 */
final class Exchange<T> {
  private final PolicyEnforcer enforcer;
  private final TlsEvents tlsEvents;
  private final HttpRequest original;
  private final BodyHandler<T> handler;
  private final boolean followRedirects;
  private URI uri;
  private URI previousUri;
  private String method;
  private BodyPublisher body;
  private Map<String, List<String>> headers;
  private HttpRequest visibleRequest;
  private HttpResponse<T> previousResponse;
  private int hops;

  private Exchange(PolicyEnforcer enforcer, TlsEvents tlsEvents, HttpRequest original, URI uri,
      BodyHandler<T> handler, boolean followRedirects) {
    this.enforcer = enforcer;
    this.tlsEvents = tlsEvents;
    this.original = original;
    this.handler = handler;
    this.followRedirects = followRedirects;
    this.uri = uri;
    this.method = original.method();
    this.body = original.bodyPublisher().orElse(null);
    this.headers = HopHeaders.strip(original.headers().map(), enforcer.credentials(), null);
  }

  /**
   * Runs the URL guard on {@code request}, before any DNS lookup or socket.
   *
   * @throws RequestRefusedException if the guard refuses the URL
   */
  static <T> Exchange<T> start(PolicyEnforcer enforcer, TlsEvents tlsEvents, HttpRequest request,
      BodyHandler<T> handler, boolean followRedirects) throws RequestRefusedException {
    if (request == null) throw new NullPointerException("request == null");
    if (handler == null) throw new NullPointerException("responseBodyHandler == null");
    URI uri = enforcer.urlGuard().checkRequest(request.uri());
    return new Exchange<>(enforcer, tlsEvents, request, uri, handler, followRedirects);
  }

  /** The request to send for the current hop: the caller's, with exactly this hop's credentials. */
  HttpRequest nextRequest() {
    CredentialScope credentials = enforcer.credentials();
    List<Credential> attach = credentials.forHop(uri, method, previousUri);
    visibleRequest = isOriginal() ? original : build(null);
    return attach.isEmpty() ? visibleRequest : build(attach);
  }

  /**
   * True while the hop is the caller's request unchanged: the first hop, to the URI the caller gave
   * (not upgraded), with none of its headers stripped. Sending it as it is saves building a copy.
   */
  private boolean isOriginal() {
    return hops == 0 && uri == original.uri() && headers == original.headers().map();
  }

  /** The caller's handler, except that the body of a redirect this exchange will follow is discarded. */
  BodyHandler<T> bodyHandler() {
    return info -> followRedirects && RedirectRules.isRedirect(info.statusCode())
        && info.headers().firstValue("Location").isPresent()
        ? BodySubscribers.replacing(null)
        : handler.apply(info);
  }

  /**
   * Takes the current hop's response. Returns the response for the caller, or null if a redirect
   * was approved and {@link #nextRequest()} is the next hop.
   *
   * @throws IOException if the redirect is refused (to http, malformed, too many hops)
   */
  HttpResponse<T> onResponse(HttpResponse<T> hopResponse) throws IOException {
    reportTls(hopResponse.sslSession().orElse(null));
    HttpResponse<T> response = new HopResponse<>(hopResponse, visibleRequest, previousResponse);
    if (!followRedirects) return response;
    RedirectHop next = enforcer.redirects().next(uri, method, response.statusCode(),
        response.headers().firstValue("Location").orElse(null), hops);
    if (next == null) return response;
    previousResponse = response;
    previousUri = uri;
    uri = next.target();
    if (!next.keepsBody()) body = null;
    method = next.method();
    headers = HopHeaders.strip(headers, enforcer.credentials(), next);
    hops++;
    return null;
  }

  /** Reports a hop that failed before a response, if its handshake failed; returns what the caller gets. */
  IOException onFailure(IOException failure) {
    return tlsEvents.failed(uri.getHost(), failure);
  }

  /** As {@link #onFailure(IOException)}, for a failed future's exception, which may wrap the IOException. */
  Throwable onAsyncFailure(Throwable failure) {
    return tlsEvents.failedAsync(uri.getHost(), failure);
  }

  private void reportTls(SSLSession session) {
    if (session == null) return;
    tlsEvents.negotiated(uri.getHost(), session.getProtocol(), session.getCipherSuite(),
        TimedSslEngine.claimHandshake(session));
  }

  private HttpRequest build(List<Credential> credentials) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).expectContinue(original.expectContinue());
    original.timeout().ifPresent(builder::timeout);
    original.version().ifPresent(builder::version);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) builder.header(header.getKey(), value);
    }
    if (credentials != null) {
      for (Credential credential : credentials) builder.setHeader(credential.headerName(), credential.headerValue());
    }
    if (body != null) {
      builder.method(method, body);
    } else if (method.equals("GET")) {
      builder.GET();
    } else {
      builder.method(method, BodyPublishers.noBody());
    }
    return builder.build();
  }
}
