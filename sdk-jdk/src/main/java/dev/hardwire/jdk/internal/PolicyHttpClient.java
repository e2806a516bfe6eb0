package dev.hardwire.jdk.internal;

import dev.hardwire.core.internal.PolicyEnforcer;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} that obeys a policy: each request passes the URL guard before anything
 * happens, each hop carries exactly the credentials core decides for it, and redirects are
 * followed (or not) by Hardwire. The JDK client underneath has the policy's TLS context and
 * parameters and never follows redirects itself.
 */
final class PolicyHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final PolicyEnforcer enforcer;
  private final TlsEvents tlsEvents;
  private final Redirect redirect;

  PolicyHttpClient(HttpClient delegate, PolicyEnforcer enforcer, Redirect redirect) {
    this.delegate = delegate;
    this.enforcer = enforcer;
    this.tlsEvents = new TlsEvents(enforcer);
    this.redirect = redirect;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> responseBodyHandler)
      throws IOException, InterruptedException {
    Exchange<T> exchange = start(request, responseBodyHandler);
    while (true) {
      HttpResponse<T> hopResponse;
      try {
        hopResponse = delegate.send(exchange.nextRequest(), exchange.bodyHandler());
      } catch (IOException e) {
        throw exchange.onFailure(e);
      }
      HttpResponse<T> response = exchange.onResponse(hopResponse);
      if (response != null) return response;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> responseBodyHandler) {
    return sendAsync(request, responseBodyHandler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> responseBodyHandler,
      PushPromiseHandler<T> pushPromiseHandler) {
    Exchange<T> exchange;
    try {
      exchange = start(request, responseBodyHandler);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sendHopAsync(exchange, pushPromiseHandler);
  }

  private <T> CompletableFuture<HttpResponse<T>> sendHopAsync(Exchange<T> exchange,
      PushPromiseHandler<T> pushPromiseHandler) {
    return delegate.sendAsync(exchange.nextRequest(), exchange.bodyHandler(), pushPromiseHandler)
        .handle((hopResponse, failure) -> {
          if (failure != null) {
            return CompletableFuture.<HttpResponse<T>>failedFuture(exchange.onAsyncFailure(failure));
          }
          try {
            HttpResponse<T> response = exchange.onResponse(hopResponse);
            return response != null ? CompletableFuture.completedFuture(response)
                : sendHopAsync(exchange, pushPromiseHandler);
          } catch (IOException e) {
            return CompletableFuture.<HttpResponse<T>>failedFuture(e);
          }
        })
        .thenCompose(next -> next);
  }

  private <T> Exchange<T> start(HttpRequest request, BodyHandler<T> responseBodyHandler) throws IOException {
    return Exchange.start(enforcer, tlsEvents, request, responseBodyHandler, redirect != Redirect.NEVER);
  }

  /** A WebSocket builder that accepts {@code wss} only (or {@code ws}, upgraded, under {@code UPGRADE}). */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return new PolicyWebSocketBuilder(delegate, enforcer, tlsEvents);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  /** The redirect choice the caller made; Hardwire follows accordingly, the JDK client underneath never. */
  @Override
  public Redirect followRedirects() {
    return redirect;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public String toString() {
    return "HardenedHttpClient(" + delegate + ", TLS " + enforcer.tls().protocols() + " on "
        + enforcer.tls().provider() + ", redirects " + redirect + ")";
  }
}
