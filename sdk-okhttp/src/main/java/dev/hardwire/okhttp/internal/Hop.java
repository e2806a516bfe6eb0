package dev.hardwire.okhttp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Rides on each request hop as a tag: the URL the guard or the redirect rules approved, and the hop
 * that redirected here (null for the first), so credentials are decided for exactly this hop.
 */
final class Hop {
  private final HttpUrl url;
  private final URI uri;
  private final URI previous;

  private Hop(HttpUrl url, URI uri, URI previous) {
    this.url = url;
    this.uri = uri;
    this.previous = previous;
  }

  /** {@code request} sent to the approved {@code uri}, tagged with this hop. */
  static Request approved(Request request, URI uri, URI previous) {
    HttpUrl url = request.url();
    if (!url.toString().equals(uri.toString()) && !uriOf(url).equals(uri)) url = HttpUrl.get(httpScheme(uri));
    return request.newBuilder().url(url).tag(Hop.class, new Hop(url, uri, previous)).build();
  }

  /** The hop of {@code request}, or null if it was built without one (by another interceptor). */
  static Hop of(Request request) {
    return request.tag(Hop.class);
  }

  /** True if {@code request} still goes where this hop was approved to go. */
  boolean approves(Request request) {
    return url.equals(request.url());
  }

  URI uri() {
    return uri;
  }

  URI previous() {
    return previous;
  }

  /**
   * {@code url} as a URI. {@code HttpUrl.uri()} re-encodes every component and parses the result,
   * about a microsecond per call; OkHttp's canonical string already is a valid URI unless it holds
   * one of the few characters HttpUrl tolerates and URI does not, and only then is the fallback
   * needed.
   */
  static URI uriOf(HttpUrl url) {
    try {
      return new URI(url.toString());
    } catch (URISyntaxException e) {
      return url.uri();
    }
  }

  /** OkHttp keeps WebSocket URLs as http and https. */
  private static String httpScheme(URI uri) {
    String scheme = uri.getScheme();
    String rest = uri.toString().substring(scheme.length());
    if (scheme.equalsIgnoreCase("wss")) return "https" + rest;
    if (scheme.equalsIgnoreCase("ws")) return "http" + rest;
    return uri.toString();
  }
}
