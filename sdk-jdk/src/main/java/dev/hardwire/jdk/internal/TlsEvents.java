package dev.hardwire.jdk.internal;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.tls.HandshakeFailures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Reports each hop's TLS facts the way the OkHttp adapter does: one {@code TLS_NEGOTIATED} per hop
 * that went out over TLS (with the handshake's duration for a new connection, {@code
 * connectionReused} for a pooled one), and a {@code HANDSHAKE_FAILED} for a handshake that failed
 * for another reason than the certificate, which the verifier reports itself; the caller then gets
 * the event's message too.
 */
final class TlsEvents {
  private final EventDispatcher events;
  private final String provider;
  private final List<String> protocols;

  TlsEvents(PolicyEnforcer enforcer) {
    this.events = enforcer.events();
    this.provider = enforcer.tls().provider().name();
    this.protocols = enforcer.tls().protocols();
  }

  /** A hop to {@code host} negotiated {@code protocol} and {@code suite}; {@code handshake} null if pooled. */
  void negotiated(String host, String protocol, String suite, Duration handshake) {
    if (!events.hasListeners()) return;
    events.emit(events.event(SecurityEvent.Kind.TLS_NEGOTIATED)
        .host(host)
        .tls(protocol, suite, provider)
        .handshakeDuration(handshake)
        .connectionReused(handshake == null));
  }

  /**
   * A hop to {@code host} failed with {@code failure}: reported if it was a non-certificate handshake
   * failure. Returns what the caller gets: {@link HandshakeFailures#explained}.
   */
  IOException failed(String host, IOException failure) {
    IOException explained = HandshakeFailures.explained(host, failure, protocols);
    if (explained == failure || !events.hasListeners()) return explained;
    events.emit(events.event(SecurityEvent.Kind.HANDSHAKE_FAILED)
        .host(host)
        .reason(HandshakeFailures.reason(failure))
        .tls(null, null, provider)
        .message(explained.getMessage()));
    return explained;
  }

  /** As {@link #failed(String, IOException)}, for a failed future's exception, which may wrap the IOException. */
  Throwable failedAsync(String host, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (!(cause instanceof IOException)) return failure;
    IOException explained = failed(host, (IOException) cause);
    if (explained == cause) return failure;
    return cause == failure ? explained : new CompletionException(explained);
  }
}
