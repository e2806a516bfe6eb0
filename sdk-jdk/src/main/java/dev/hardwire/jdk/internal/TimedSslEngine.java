package dev.hardwire.jdk.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An engine that measures its handshake, from the first handshake record to {@code FINISHED}, and
 * leaves the result in its session's values. A response carries its connection's session, so the
 * first hop to see that value reports a new handshake with its duration; later hops on the same
 * connection report a pooled one. Everything else is the delegate's.
 */
final class TimedSslEngine extends SSLEngine {
  private static final String HANDSHAKE_KEY = "dev.hardwire.jdk.handshake";

  private final SSLEngine delegate;
  // wrap and unwrap may run on different threads (java.net.http reads and writes concurrently).
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile long startNanos;

  TimedSslEngine(SSLEngine delegate) {
    super(delegate.getPeerHost(), delegate.getPeerPort());
    this.delegate = delegate;
  }

  /**
   * The duration of the handshake that created {@code session}'s connection, the first time it is
   * asked for; null afterwards (a pooled connection) or if it was not measured.
   */
  static Duration claimHandshake(SSLSession session) {
    Object value = session.getValue(HANDSHAKE_KEY);
    return value instanceof NewHandshake ? ((NewHandshake) value).claim() : null;
  }

  private SSLEngineResult observe(SSLEngineResult result) {
    if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED && finished.compareAndSet(false, true)) {
      try {
        delegate.getSession().putValue(HANDSHAKE_KEY, new NewHandshake(Duration.ofNanos(System.nanoTime() - startNanos)));
      } catch (UnsupportedOperationException e) {
        // A provider whose sessions hold no values: the hop is reported without a duration.
      }
    }
    return result;
  }

  private void start() {
    if (startNanos == 0) startNanos = System.nanoTime();
  }

  @Override
  public SSLEngineResult wrap(ByteBuffer[] sources, int offset, int length, ByteBuffer destination)
      throws SSLException {
    start();
    return observe(delegate.wrap(sources, offset, length, destination));
  }

  @Override
  public SSLEngineResult unwrap(ByteBuffer source, ByteBuffer[] destinations, int offset, int length)
      throws SSLException {
    start();
    return observe(delegate.unwrap(source, destinations, offset, length));
  }

  @Override
  public void beginHandshake() throws SSLException {
    start();
    delegate.beginHandshake();
  }

  @Override
  public Runnable getDelegatedTask() {
    return delegate.getDelegatedTask();
  }

  @Override
  public void closeInbound() throws SSLException {
    delegate.closeInbound();
  }

  @Override
  public boolean isInboundDone() {
    return delegate.isInboundDone();
  }

  @Override
  public void closeOutbound() {
    delegate.closeOutbound();
  }

  @Override
  public boolean isOutboundDone() {
    return delegate.isOutboundDone();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return delegate.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    delegate.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return delegate.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return delegate.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    delegate.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return delegate.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return delegate.getHandshakeSession();
  }

  @Override
  public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
    return delegate.getHandshakeStatus();
  }

  @Override
  public void setUseClientMode(boolean mode) {
    delegate.setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return delegate.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    delegate.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return delegate.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    delegate.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return delegate.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    delegate.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return delegate.getEnableSessionCreation();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return delegate.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters parameters) {
    delegate.setSSLParameters(parameters);
  }

  @Override
  public String getApplicationProtocol() {
    return delegate.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return delegate.getHandshakeApplicationProtocol();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
    delegate.setHandshakeApplicationProtocolSelector(selector);
  }

  @Override
  public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return delegate.getHandshakeApplicationProtocolSelector();
  }

  /** A measured handshake, reported once. */
  private static final class NewHandshake {
    private final Duration duration;
    private final AtomicBoolean claimed = new AtomicBoolean();

    NewHandshake(Duration duration) {
      this.duration = duration;
    }

    Duration claim() {
      return claimed.compareAndSet(false, true) ? duration : null;
    }
  }
}
