package dev.hardwire.jdk.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A hop's response as the caller sees it: {@link #request()} is the hop's request without the
 * credentials Hardwire attached (so logging it leaks nothing), and {@link #previousResponse()} is
 * the redirect that led here, with a null body, as the JDK's own following reports it.
 */
final class HopResponse<T> implements HttpResponse<T> {
  private final HttpResponse<T> delegate;
  private final HttpRequest request;
  private final HttpResponse<T> previous;

  HopResponse(HttpResponse<T> delegate, HttpRequest request, HttpResponse<T> previous) {
    this.delegate = delegate;
    this.request = request;
    this.previous = previous;
  }

  @Override
  public int statusCode() {
    return delegate.statusCode();
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.ofNullable(previous);
  }

  @Override
  public HttpHeaders headers() {
    return delegate.headers();
  }

  @Override
  public T body() {
    return delegate.body();
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return delegate.sslSession();
  }

  @Override
  public URI uri() {
    return delegate.uri();
  }

  @Override
  public HttpClient.Version version() {
    return delegate.version();
  }

  @Override
  public String toString() {
    return "(" + request.method() + " " + request.uri() + ") " + statusCode();
  }
}
