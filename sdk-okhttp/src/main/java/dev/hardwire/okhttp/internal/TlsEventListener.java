package dev.hardwire.okhttp.internal;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.tls.HandshakeFailures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.Protocol;

/**
 * Reports one call's TLS facts to the policy's listeners: a {@code TLS_NEGOTIATED} for every
 * connection a hop acquires (with the handshake's duration when this call made the connection,
 * {@code connectionReused} when it came from the pool, since OkHttp reports no handshake then) and
 * a {@code HANDSHAKE_FAILED} for a handshake that failed for another reason than the certificate
 * (which the verifier reports itself).
 */
final class TlsEventListener extends EventListener {
  private final EventDispatcher events;
  private final String provider;
  private final List<String> allowedProtocols;
  private volatile String routeHost;
  private volatile long handshakeStartNanos;
  private volatile Handshake newHandshake;
  private volatile Duration newHandshakeDuration;

  private TlsEventListener(EventDispatcher events, String provider, List<String> allowedProtocols) {
    this.events = events;
    this.provider = provider;
    this.allowedProtocols = allowedProtocols;
  }

  @Override
  public void proxySelectStart(Call call, HttpUrl url) {
    routeHost = url.host();
  }

  @Override
  public void secureConnectStart(Call call) {
    handshakeStartNanos = System.nanoTime();
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    newHandshakeDuration = Duration.ofNanos(System.nanoTime() - handshakeStartNanos);
    newHandshake = handshake;
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    Handshake handshake = connection.handshake();
    if (handshake == null) return;
    boolean reused = handshake != newHandshake;
    events.emit(events.event(SecurityEvent.Kind.TLS_NEGOTIATED)
        .host(connection.route().address().url().host())
        .tls(handshake.tlsVersion().javaName(), handshake.cipherSuite().javaName(), provider)
        .handshakeDuration(reused ? null : newHandshakeDuration)
        .connectionReused(reused));
  }

  @Override
  public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
    if (!HandshakeFailures.isNonCertificateHandshakeFailure(e)) return;
    String host = routeHost;
    events.emit(events.event(SecurityEvent.Kind.HANDSHAKE_FAILED)
        .host(host)
        .reason(HandshakeFailures.reason(e))
        .tls(null, null, provider)
        .message(HandshakeFailures.message(host, e, allowedProtocols)));
  }

  /** Creates Hardwire's listener for each call, composed with the caller's. */
  static final class Factory implements EventListener.Factory {
    private final EventDispatcher events;
    private final String provider;
    private final List<String> allowedProtocols;
    private final EventListener.Factory callerFactory;

    Factory(PolicyEnforcer enforcer, EventListener.Factory callerFactory) {
      this.events = enforcer.events();
      this.provider = enforcer.tls().provider().name();
      this.allowedProtocols = enforcer.tls().protocols();
      this.callerFactory = callerFactory;
    }

    @Override
    public EventListener create(Call call) {
      // Nothing to report to: no listener of ours on the call's path (OkHttp calls every listener
      // method on every call).
      if (!events.hasListeners()) return callerFactory.create(call);
      EventListener ours = new TlsEventListener(events, provider, allowedProtocols);
      EventListener theirs = callerFactory.create(call);
      return theirs == EventListener.NONE ? ours : ours.plus(theirs);
    }
  }
}
