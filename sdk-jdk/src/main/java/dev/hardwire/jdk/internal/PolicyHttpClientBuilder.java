package dev.hardwire.jdk.internal;

import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.tls.TlsContext;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient.Builder} that keeps every option of the JDK's except those that would loosen
 * the policy: {@link #sslContext} is refused, {@link #sslParameters} may only narrow the policy's
 * protocols and cipher suites, and {@link #followRedirects} chooses whether Hardwire follows
 * redirects (the JDK client underneath never does).
 */
public final class PolicyHttpClientBuilder implements HttpClient.Builder {
  private final PolicyEnforcer enforcer;
  private final HttpClient.Builder delegate = HttpClient.newBuilder();
  private final SSLContext sslContext;
  private SSLParameters sslParameters;
  private HttpClient.Redirect redirect = HttpClient.Redirect.NEVER;

  public PolicyHttpClientBuilder(PolicyEnforcer enforcer) {
    this.enforcer = enforcer;
    this.sslContext = TimedSslContext.wrap(enforcer.tls().sslContext());
    this.sslParameters = enforcer.tls().sslParameters();
  }

  @Override
  public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
    delegate.cookieHandler(cookieHandler);
    return this;
  }

  @Override
  public HttpClient.Builder connectTimeout(Duration duration) {
    delegate.connectTimeout(duration);
    return this;
  }

  /**
   * Refused: the policy's context, whose only trust manager is Hardwire's verifier, is the only one
   * a hardened client uses.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public HttpClient.Builder sslContext(SSLContext sslContext) {
    throw new IllegalArgumentException("A hardened HttpClient takes TLS from its SecurityPolicy and will not use"
        + " another SSLContext. Remove sslContext(...): put private roots in SecurityPolicy.Builder.trustAnchors(...),"
        + " pins in pin(...) and the provider in tlsProvider(...).");
  }

  /**
   * Narrows the policy's protocols and cipher suites to those also in {@code sslParameters}; its
   * other settings are ignored (java.net.http sets server names and ALPN itself, and Hardwire's
   * trust manager identifies the endpoint).
   *
   * @throws IllegalArgumentException if no protocol or no cipher suite of the policy remains
   */
  @Override
  public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
    TlsContext tls = enforcer.tls();
    List<String> protocols = narrow(tls.protocols(), sslParameters.getProtocols(), "protocol");
    List<String> suites = narrow(tls.cipherSuites(), sslParameters.getCipherSuites(), "cipher suite");
    this.sslParameters = new SSLParameters(suites.toArray(new String[0]), protocols.toArray(new String[0]));
    return this;
  }

  private static List<String> narrow(List<String> allowed, String[] requested, String what) {
    if (requested == null) return allowed;
    List<String> result = new ArrayList<>(allowed);
    result.retainAll(Arrays.asList(requested));
    if (result.isEmpty()) {
      throw new IllegalArgumentException("sslParameters(...) allows no " + what + " that the SecurityPolicy allows: "
          + Arrays.asList(requested) + " against the policy's " + allowed + ". SSLParameters can only narrow the"
          + " policy; to allow TLS 1.2, use SecurityPolicy.Builder.minimumTlsVersion(TlsVersion.TLS_1_2).");
    }
    return result;
  }

  @Override
  public HttpClient.Builder executor(Executor executor) {
    delegate.executor(executor);
    return this;
  }

  /**
   * Chooses whether Hardwire follows redirects: {@code NEVER} (the JDK's default) returns every 3xx
   * as it is; {@code NORMAL} and {@code ALWAYS} both follow https hops and refuse a hop to http.
   */
  @Override
  public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    this.redirect = policy;
    return this;
  }

  @Override
  public HttpClient.Builder version(HttpClient.Version version) {
    delegate.version(version);
    return this;
  }

  @Override
  public HttpClient.Builder priority(int priority) {
    delegate.priority(priority);
    return this;
  }

  @Override
  public HttpClient.Builder proxy(ProxySelector proxySelector) {
    delegate.proxy(proxySelector);
    return this;
  }

  @Override
  public HttpClient.Builder authenticator(Authenticator authenticator) {
    delegate.authenticator(authenticator);
    return this;
  }

  @Override
  public HttpClient build() {
    HttpClient client = delegate
        .sslContext(sslContext)
        .sslParameters(sslParameters)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new PolicyHttpClient(client, enforcer, redirect);
  }
}
