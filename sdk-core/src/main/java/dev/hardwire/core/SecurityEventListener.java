package dev.hardwire.core;

/**
 * Receives every {@link SecurityEvent} of a policy. Register listeners with {@link
 * SecurityPolicy.Builder#eventListener(SecurityEventListener)}.
 *
 * <p>Listeners are called synchronously on the thread that made the decision (often a handshake or
 * dispatcher thread), so they must be fast, thread-safe and must not block. An exception thrown by a
 * listener is caught and does not change the decision; the other listeners still run.
 */
public interface SecurityEventListener {
  void onEvent(SecurityEvent event);
}
