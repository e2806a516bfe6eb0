package dev.hardwire.core;

/**
 * A request to a URL that is not {@code https} (or {@code wss}) was refused before any DNS lookup
 * or socket: nothing reached the network.
 *
 * <p>For example {@code client.newCall(new Request.Builder().url("http://api.example.com/v1/items?token=...").build())}
 * fails with:
 *
 * <pre>
 * Cleartext request refused: http://api.example.com/v1/items. Hardwire sends nothing without TLS.
 * Use https://api.example.com/v1/items, or CleartextMode.UPGRADE to rewrite http:// URLs to https://.
 * </pre>
 */
public final class CleartextRefusedException extends RequestRefusedException {
  private static final long serialVersionUID = 1L;

  public CleartextRefusedException(String message, String redactedUrl) {
    super(message, redactedUrl);
  }
}
