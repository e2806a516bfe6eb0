package dev.hardwire.jdk.internal;

import dev.hardwire.core.Credential;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.internal.PolicyEnforcer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects a WebSocket's settings and applies them, with the URL guard's verdict and the
 * credentials core decides, to a fresh JDK builder on each {@link #buildAsync}: so a builder used
 * twice never accumulates credentials, and a refused URL connects nowhere.
 */
final class PolicyWebSocketBuilder implements WebSocket.Builder {
  private final HttpClient client;
  private final PolicyEnforcer enforcer;
  private final TlsEvents tlsEvents;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private Duration connectTimeout;
  private String mostPreferred;
  private String[] lesserPreferred;

  PolicyWebSocketBuilder(HttpClient client, PolicyEnforcer enforcer, TlsEvents tlsEvents) {
    this.client = client;
    this.enforcer = enforcer;
    this.tlsEvents = tlsEvents;
  }

  @Override
  public WebSocket.Builder header(String name, String value) {
    if (name == null || value == null) throw new NullPointerException("name == null || value == null");
    headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    return this;
  }

  @Override
  public WebSocket.Builder connectTimeout(Duration timeout) {
    if (timeout == null) throw new NullPointerException("timeout == null");
    this.connectTimeout = timeout;
    return this;
  }

  @Override
  public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
    if (mostPreferred == null) throw new NullPointerException("mostPreferred == null");
    this.mostPreferred = mostPreferred;
    this.lesserPreferred = lesserPreferred.clone();
    return this;
  }

  /**
   * Opens the WebSocket if the URL guard allows {@code uri}; otherwise returns a future failed
   * with the refusal ({@code ws://} is a {@link dev.hardwire.core.CleartextRefusedException}). A
   * handshake that fails for another reason than the certificate fails the future with the
   * reason the policy gives, as a request's would.
   */
  @Override
  public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
    URI approved;
    try {
      approved = enforcer.urlGuard().checkRequest(uri);
    } catch (RequestRefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    WebSocket.Builder builder = client.newWebSocketBuilder();
    Map<String, List<String>> hopHeaders = HopHeaders.strip(headers, enforcer.credentials(), null);
    for (Map.Entry<String, List<String>> header : hopHeaders.entrySet()) {
      for (String value : header.getValue()) builder.header(header.getKey(), value);
    }
    for (Credential credential : enforcer.credentials().forHop(approved, "GET", null)) {
      builder.header(credential.headerName(), credential.headerValue());
    }
    if (connectTimeout != null) builder.connectTimeout(connectTimeout);
    if (mostPreferred != null) builder.subprotocols(mostPreferred, lesserPreferred);
    return builder.buildAsync(approved, listener)
        .handle((webSocket, failure) -> failure == null ? CompletableFuture.completedFuture(webSocket)
            : CompletableFuture.<WebSocket>failedFuture(tlsEvents.failedAsync(approved.getHost(), failure)))
        .thenCompose(next -> next);
  }
}
