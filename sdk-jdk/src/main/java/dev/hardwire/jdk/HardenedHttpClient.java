package dev.hardwire.jdk;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.jdk.internal.PolicyHttpClientBuilder;
import java.net.http.HttpClient;

/**
 * {@link HttpClient}s that obey a {@link SecurityPolicy} on every request: https only (refused
 * before any DNS lookup), the policy's TLS versions, cipher suites and provider, trust and pins
 * decided by Hardwire's {@link dev.hardwire.core.CertificateChainVerifier}, redirects decided hop by
 * hop, and scoped credentials attached only where their scope allows. The client is a real {@code
 * java.net.http.HttpClient}: code that takes one keeps working.
 *
 * <p>Before:
 *
 * <pre>{@code
 * HttpClient client = HttpClient.newBuilder()
 *     .followRedirects(HttpClient.Redirect.NORMAL)
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .build();
 * HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/v1/items"))
 *     .header("Authorization", "Bearer " + token)
 *     .build();
 * }</pre>
 *
 * <p>After:
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .credential(Credential.bearer("api.example.com", token))   // attached by Hardwire, only there
 *     .build();
 * HttpClient client = HardenedHttpClient.newBuilder(policy)
 *     .followRedirects(HttpClient.Redirect.NORMAL)
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .build();
 * HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/v1/items")).build();
 * HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
 * }</pre>
 *
 * <p>A refused request fails like any failed request, with an {@link java.io.IOException}: {@code
 * send} throws it, {@code sendAsync} returns a future completed exceptionally with it (never a
 * thrown exception, as the JDK does for its own I/O failures), for example for {@code
 * http://api.example.com/v1/items}:
 *
 * <pre>
 * dev.hardwire.core.CleartextRefusedException: Cleartext request refused: http://api.example.com/v1/items.
 * Hardwire sends nothing without TLS. Use https://api.example.com/v1/items, or CleartextMode.UPGRADE ...
 * </pre>
 *
 * <p><b>The builder.</b> Every option of {@link HttpClient.Builder} is kept (executor, timeouts,
 * version, priority, proxy, cookie handler, authenticator) except what would loosen the policy:
 *
 * <ul>
 *   <li>{@code sslContext(...)} is <b>refused</b> with {@link IllegalArgumentException}: move
 *       private roots to {@link SecurityPolicy.Builder#trustAnchors}, pins to {@code pin(...)}.
 *   <li>{@code sslParameters(...)} is <b>merged</b>: it may narrow the policy's protocols and cipher
 *       suites, never widen them (an empty intersection is an {@link IllegalArgumentException});
 *       its other fields are ignored.
 *   <li>{@code followRedirects(...)} chooses what Hardwire does; the JDK client underneath uses
 *       {@code Redirect.NEVER}, because the JDK follows https to http under {@code ALWAYS} and
 *       forwards custom headers to other hosts under {@code NORMAL}. {@code NEVER} (the JDK's
 *       default) returns each 3xx as it is; {@code NORMAL} and {@code ALWAYS} both follow https
 *       hops and refuse a hop to http with a {@link dev.hardwire.core.RedirectRefusedException}.
 *       Each hop is a new request for credentials: a cross-origin hop never carries {@code
 *       Authorization}, {@code Cookie}, a credential or a sensitive header of the previous one.
 *       Intermediate 3xx bodies are discarded; {@code response.previousResponse()} lists them
 *       (with null bodies) and {@code response.request()} is the last hop's request, without the
 *       credentials Hardwire attached.
 *   <li>An {@code authenticator} answers challenges of the hop's own https origin only (the JDK
 *       client underneath never follows a redirect), and of the proxy you configured.
 * </ul>
 *
 * <p><b>Request bodies and redirects.</b> A 307 or 308 sends the body again by subscribing to the
 * request's {@code BodyPublisher} a second time. The JDK's publishers ({@code ofString}, {@code
 * ofByteArray}, {@code ofFile}, {@code ofInputStream} with a supplier that opens a new stream) can
 * be subscribed again; a publisher that cannot must not be used with a client that follows
 * redirects.
 *
 * <p><b>Credentials.</b> A header that one of the policy's credentials sets (such as {@code
 * Authorization} for a bearer credential) is removed from the caller's request on every hop and
 * replaced by what the policy allows for that hop: Hardwire attaches credentials, the caller's code
 * never does.
 *
 * <p><b>TLS.</b> The JDK client gets the policy's {@code SSLContext} (its provider, with Hardwire's
 * verifier as the only trust manager) and {@code SSLParameters} with exactly the policy's
 * protocols and suites. The verifier checks the host name during the handshake, without CN
 * fallback; java.net.http's own endpoint identification, when not disabled by {@code
 * jdk.internal.httpclient.disableHostnameVerification}, is handed to that same trust manager, so
 * there is one answer, and disabling it disables nothing of Hardwire's.
 *
 * <p><b>Events.</b> Each hop that went out reports {@code TLS_NEGOTIATED} with the version, suite
 * and provider of the session its response carries; the first hop on a new connection also
 * reports the handshake's duration (measured in the engine, from the first handshake record to
 * its end), later hops on a pooled connection report {@code connectionReused()}. A handshake that
 * fails for another reason than the certificate reports {@code HANDSHAKE_FAILED}; every refusal
 * reports its event from core. WebSockets report no {@code TLS_NEGOTIATED}.
 *
 * <p><b>WebSockets.</b> {@code newWebSocketBuilder().buildAsync(uri, listener)} accepts {@code
 * wss://} only ({@code ws://} fails the future with {@link dev.hardwire.core.CleartextRefusedException},
 * or is upgraded under {@code CleartextMode.UPGRADE}); the opening handshake carries the
 * credentials in scope.
 *
 * <p>Clients are safe to share between threads.
 */
public final class HardenedHttpClient {
  private HardenedHttpClient() {
  }

  /**
   * A new client with the JDK's defaults ({@code Redirect.NEVER}, HTTP/2 where the server offers
   * it) and {@code policy} enforced. Equivalent to {@code newBuilder(policy).build()}.
   *
   * @throws IllegalStateException if the policy's TLS provider is missing or cannot do what the
   *     policy asks; the message names the dependency or setting to change
   */
  public static HttpClient newClient(SecurityPolicy policy) {
    return newBuilder(policy).build();
  }

  /**
   * A builder for clients that enforce {@code policy}; see the class description for what it keeps,
   * refuses and merges.
   *
   * @throws IllegalStateException if the policy's TLS provider is missing or cannot do what the
   *     policy asks
   */
  public static HttpClient.Builder newBuilder(SecurityPolicy policy) {
    return new PolicyHttpClientBuilder(PolicyEnforcer.of(policy));
  }
}
