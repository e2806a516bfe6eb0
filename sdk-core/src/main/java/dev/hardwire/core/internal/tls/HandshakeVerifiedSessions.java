package dev.hardwire.core.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Knows which sessions a policy's trust manager verified during their handshake, so that an
 * adapter's host name check (which must verify any other session in full) does not verify them a
 * second time and report their report-only pin events twice.
 *
 * <p>Providers differ here, and this is the one place that handles it:
 *
 * <ul>
 *   <li>SunJSSE and Conscrypt put every client session, resumed ones too, in the context's client
 *       session context, which no other context shares: that identity, with the session's peer
 *       host, is the record.
 *   <li>BCJSSE gives its TLS 1.3 sessions no session context (and does not resume them). Its
 *       finished session keeps the values put on its handshake session, so the trust manager marks
 *       the handshake session with a private object naming the verified host.
 * </ul>
 *
 * A session that has neither (one from a swapped socket factory) is not known, and is verified in
 * full by the caller.
 */
final class HandshakeVerifiedSessions {
  /** The value's name; what makes a mark ours is the value's identity, not the name. */
  private static final String MARK_NAME = "dev.hardwire.verifiedHost";

  private volatile SSLSessionContext clientSessions;

  /**
   * {@code trustManager}, marking each session it accepts. A trust manager that is not an {@link
   * X509ExtendedTrustManager} is returned as it is: wrapping it would hide from the provider that
   * it needs the provider's own host name and algorithm checks.
   */
  X509TrustManager marking(X509TrustManager trustManager) {
    return trustManager instanceof X509ExtendedTrustManager
        ? new MarkingTrustManager((X509ExtendedTrustManager) trustManager, this)
        : trustManager;
  }

  /** Recognizes the sessions of {@code clientSessions}: the context that uses the marking trust manager. */
  void recognize(SSLSessionContext clientSessions) {
    this.clientSessions = clientSessions;
  }

  /** True if the policy's trust manager accepted {@code session}'s chain for {@code host} in its handshake. */
  boolean verified(SSLSession session, String host) {
    if (session == null || host == null) return false;
    // The trust manager verified a context's session for the host the connection was made to.
    if (clientSessions != null && session.getSessionContext() == clientSessions) {
      return host.equals(session.getPeerHost());
    }
    Object mark = session.getValue(MARK_NAME);
    return mark instanceof Mark && ((Mark) mark).owner == this && ((Mark) mark).host.equals(host);
  }

  private void mark(SSLSession handshakeSession, String host) {
    if (handshakeSession != null && host != null) handshakeSession.putValue(MARK_NAME, new Mark(this, host));
  }

  private static final class Mark {
    final HandshakeVerifiedSessions owner;
    final String host;

    Mark(HandshakeVerifiedSessions owner, String host) {
      this.owner = owner;
      this.host = host;
    }
  }

  /** Delegates every decision; marks the handshake session of each server chain the delegate accepted. */
  private static final class MarkingTrustManager extends ForwardingTrustManager {
    private final HandshakeVerifiedSessions sessions;

    MarkingTrustManager(X509ExtendedTrustManager delegate, HandshakeVerifiedSessions sessions) {
      super(delegate);
      this.sessions = sessions;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      super.checkServerTrusted(chain, authType, socket);
      if (socket instanceof SSLSocket) {
        SSLSession handshake = ((SSLSocket) socket).getHandshakeSession();
        if (handshake != null) sessions.mark(handshake, handshake.getPeerHost());
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      super.checkServerTrusted(chain, authType, engine);
      if (engine != null) sessions.mark(engine.getHandshakeSession(), engine.getPeerHost());
    }
  }
}
