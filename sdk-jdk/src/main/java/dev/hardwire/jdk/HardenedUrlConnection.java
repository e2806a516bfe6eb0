package dev.hardwire.jdk;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.internal.UrlConnections;
import java.io.IOException;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;

/**
 * {@link HttpsURLConnection}s that obey a {@link SecurityPolicy}: the legacy answer for code (and
 * devices) built on {@code URL.openConnection()}. It uses no {@code java.net.http}.
 *
 * <p>Before:
 *
 * <pre>{@code
 * HttpURLConnection connection = (HttpURLConnection) new URL("https://api.example.com/v1/items").openConnection();
 * connection.setRequestProperty("X-Api-Key", key);
 * try (InputStream in = connection.getInputStream()) { ... }
 * }</pre>
 *
 * <p>After:
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .credential(Credential.header("api.example.com", "X-Api-Key", key))
 *     .build();
 * HttpsURLConnection connection = HardenedUrlConnection.open(new URL("https://api.example.com/v1/items"), policy);
 * try (InputStream in = connection.getInputStream()) { ... }
 * }</pre>
 *
 * <p>{@code open} on an {@code http://} URL throws {@link dev.hardwire.core.CleartextRefusedException}
 * (an {@link IOException}) before anything is resolved or connected, for example:
 *
 * <pre>
 * dev.hardwire.core.CleartextRefusedException: Cleartext request refused: http://api.example.com/v1/items.
 * Hardwire sends nothing without TLS. Use https://api.example.com/v1/items, or CleartextMode.UPGRADE ...
 * </pre>
 *
 * <p>Under {@code CleartextMode.UPGRADE} it returns a connection to the {@code https://} URL.
 *
 * <p><b>How it works.</b> The returned connection is Hardwire's own {@code HttpsURLConnection}. It
 * records your settings (method, headers, timeouts, caches, streaming mode, authenticator) and
 * sends each hop through a real JDK connection with the policy's socket factory (the policy's
 * protocols and suites on every socket, Hardwire's verifier as the only trust manager) and a
 * hostname verifier that asks the same verifier. {@code setSSLSocketFactory} and {@code
 * setHostnameVerifier} are refused with {@link IllegalArgumentException}.
 *
 * <p><b>Redirects.</b> The JDK's own following is turned off on every real connection (never
 * trusting the JVM-wide {@code HttpURLConnection.setFollowRedirects}): it would send a custom
 * header such as {@code X-Api-Key} to another host. With {@code getInstanceFollowRedirects()} true
 * (the default), Hardwire follows https hops by core's rules; a redirect to http throws {@link
 * dev.hardwire.core.RedirectRefusedException} from {@code getResponseCode()} or {@code
 * getInputStream()}, never a 3xx handed back. With {@code setInstanceFollowRedirects(false)} the 3xx
 * is returned as it is. {@code getURL()} is the last hop's URL. A request body is buffered, as
 * HttpURLConnection does without a streaming mode, so a 307 or 308 sends it again; in a streaming
 * mode ({@code setFixedLengthStreamingMode}, {@code setChunkedStreamingMode}) a redirect that must
 * send the body again fails with {@link java.net.HttpRetryException}, as in the JDK.
 *
 * <p><b>Credentials</b> are attached by Hardwire to each hop, as the policy's scope allows. A
 * credential header you set with {@code setRequestProperty} is overridden: removed from every hop
 * and replaced by the policy's decision (so it never reaches a host outside the scope).
 *
 * <p><b>Events.</b> Each hop reports {@code TLS_NEGOTIATED}: a new connection with its session's
 * version and suite and the time its TLS setup took (handshake and host name check), a kept-alive
 * one with {@code connectionReused()}. Connections under one policy share one socket factory, so
 * they are kept alive and their TLS sessions resumed across {@code open} calls.
 */
public final class HardenedUrlConnection {
  private HardenedUrlConnection() {
  }

  /**
   * A connection to {@code url} under {@code policy}; nothing is resolved or connected until you
   * connect, write or read, as with {@code url.openConnection()}.
   *
   * @throws dev.hardwire.core.CleartextRefusedException for an {@code http://} (or other non-https)
   *     URL, before any socket
   * @throws dev.hardwire.core.RequestRefusedException for a URL with userinfo or without a host
   * @throws IllegalStateException if the policy's TLS provider is missing or cannot do what the
   *     policy asks
   */
  public static HttpsURLConnection open(URL url, SecurityPolicy policy) throws IOException {
    return UrlConnections.of(policy).open(url);
  }
}
