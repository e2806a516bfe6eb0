package dev.hardwire.okhttp;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.okhttp.internal.Hardening;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients that obey a {@link SecurityPolicy} on every call: https only (refused before any
 * DNS lookup), the policy's TLS versions, cipher suites and provider, trust and pins decided by
 * Hardwire's {@link dev.hardwire.core.CertificateChainVerifier}, redirects decided hop by hop, and
 * scoped credentials attached only where their scope allows.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .credential(Credential.bearer("api.example.com", token))
 *     .build();
 * OkHttpClient client = HardenedOkHttp.newClient(policy);
 *
 * try (Response response = client.newCall(new Request.Builder()
 *     .url("https://api.example.com/v1/items").build()).execute()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>A refused call fails like any failed call, with an {@link java.io.IOException} whose message
 * says what to fix, for example for {@code http://api.example.com/v1/items}:
 *
 * <pre>
 * dev.hardwire.core.CleartextRefusedException: Cleartext request refused: http://api.example.com/v1/items.
 * Hardwire sends nothing without TLS. Use https://api.example.com/v1/items, or CleartextMode.UPGRADE ...
 * </pre>
 *
 * <p>Clients are safe to share between threads and cheap to derive with {@link
 * OkHttpClient#newBuilder()}: derived clients keep Hardwire's interceptors and share the connection
 * pool. See {@link #harden} for what a derived client may and may not change.
 */
public final class HardenedOkHttp {
  private HardenedOkHttp() {
  }

  /**
   * A new client with OkHttp's defaults (timeouts, HTTP/2, connection pool) and {@code policy}
   * enforced. Equivalent to {@code harden(new OkHttpClient.Builder(), policy).build()}.
   *
   * @throws IllegalStateException if the policy's TLS provider is missing or cannot do what the
   *     policy asks; the message names the dependency or setting to change
   */
  public static OkHttpClient newClient(SecurityPolicy policy) {
    return harden(new OkHttpClient.Builder(), policy).build();
  }

  /**
   * Makes {@code builder} enforce {@code policy} and returns it. Call it last, after your own
   * interceptors, timeouts, dispatcher, cache and event listener: everything you configured stays,
   * except what would let a call escape the policy.
   *
   * <p>What {@code harden} <b>replaces</b>:
   *
   * <ul>
   *   <li>{@code sslSocketFactory(...)} and its trust manager: the policy's provider, protocols and
   *       cipher suites, with Hardwire's verifier as the only trust manager. Move private roots to
   *       {@link SecurityPolicy.Builder#trustAnchors}.
   *   <li>{@code hostnameVerifier(...)}: one that asks Hardwire's verifier.
   *   <li>{@code connectionSpecs(...)}: a single spec with the policy's TLS versions and cipher
   *       suites; never {@code CLEARTEXT}, and no fallback to weaker specs.
   *   <li>{@code followRedirects}/{@code followSslRedirects}: OkHttp's own following is turned off.
   *       Hardwire follows redirects instead, hop by hop, if {@code followRedirects} was true
   *       (OkHttp's default) when {@code harden} ran; otherwise 3xx responses are returned as they
   *       are.
   * </ul>
   *
   * <p>What it <b>wraps</b>: your {@code eventListenerFactory} (yours still gets every event),
   * {@code authenticator} and {@code proxyAuthenticator} (a retry they build must stay on the same
   * https origin). It adds one application interceptor first, one last, and one network interceptor
   * first.
   *
   * <p>What it <b>refuses</b>, with {@link IllegalArgumentException}: a builder with a {@code
   * CertificatePinner} that has pins (dropping them would silently weaken the client; the message
   * shows the {@code SecurityPolicy.Builder.pin(...)} calls to use instead), and a builder that is
   * already hardened (harden a fresh builder to apply another policy).
   *
   * <p><b>Derived clients.</b> {@code client.newBuilder()...build()} keeps all of the above. If a
   * derived client (or an interceptor, through {@code Interceptor.Chain.withSslSocketFactory},
   * {@code withHostnameVerifier} and so on) changes the TLS socket factory or hostname verifier,
   * every https call through it fails with a {@link dev.hardwire.core.RequestRefusedException}
   * before any request is sent: a connection counts only if it was made with the policy's TLS
   * settings. The redirect choice is the one made when {@code harden} ran.
   *
   * <p><b>Logging.</b> Credentials are attached by the last application interceptor, so
   * application interceptors you added before {@code harden} (an {@code HttpLoggingInterceptor},
   * for example) never see them. Network interceptors do: redact {@link #redactedHeaders} there.
   *
   * <p><b>WebSockets.</b> {@code newWebSocket} obeys the same URL, credential and TLS rules. OkHttp
   * runs neither network interceptors nor event listeners for WebSocket calls, so they report no
   * {@code TLS_NEGOTIATED} events.
   *
   * @throws IllegalArgumentException if the builder has certificate pins or is already hardened
   * @throws IllegalStateException if the policy's TLS provider is missing or cannot do what the
   *     policy asks
   */
  public static OkHttpClient.Builder harden(OkHttpClient.Builder builder, SecurityPolicy policy) {
    if (builder == null) throw new NullPointerException("builder == null");
    return new Hardening(PolicyEnforcer.of(policy)).applyTo(builder);
  }

  /**
   * Lower-case names of every header that may carry a secret under {@code policy}: {@code
   * Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, every
   * credential's header and the policy's sensitive headers. Redact them in any logging interceptor
   * that runs where credentials are visible:
   *
   * <pre>{@code
   * HttpLoggingInterceptor logging = new HttpLoggingInterceptor();
   * for (String name : HardenedOkHttp.redactedHeaders(policy)) logging.redactHeader(name);
   * }</pre>
   */
  public static Set<String> redactedHeaders(SecurityPolicy policy) {
    return Hardening.redactedHeaders(policy);
  }
}
