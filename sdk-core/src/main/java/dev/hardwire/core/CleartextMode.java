package dev.hardwire.core;

/** What a hardened client does with an {@code http://} or {@code ws://} URL. */
public enum CleartextMode {
  /**
   * Refuse the request with a {@link CleartextRefusedException} before any DNS lookup or socket.
   * The default.
   */
  REFUSE,
  /**
   * Rewrite {@code http://} to {@code https://} (and {@code ws://} to {@code wss://}) before
   * anything is sent: same host, port 80 becomes 443, any other explicit port is kept. Each rewrite
   * is reported as a {@link SecurityEvent.Kind#CLEARTEXT_UPGRADED} event.
   */
  UPGRADE
}
