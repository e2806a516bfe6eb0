package dev.hardwire.android.internal;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * Accepts a server's chain only if the platform accepts it for the handshake's host (NSC trust
 * anchors, pins, debug overrides, Certificate Transparency) and then Hardwire's verifier does
 * (policy roots, strict checks, host name, pins, events). Neither can loosen the other.
 *
 * <p>API 24+ only ({@code X509ExtendedTrustManager}, {@code getHandshakeSession()}): {@link
 * ApiLevels#checkSupported} refuses older devices before this class is loaded.
 */
@IgnoreJRERequirement
final class PlatformThenPolicyTrustManager extends X509ExtendedTrustManager {
  /** Reason code of the CERTIFICATE_REJECTED event when the platform rejects a chain. */
  static final String REJECTED_BY_NSC = "NETWORK_SECURITY_CONFIG";

  private final AndroidPlatform platform;
  private final X509ExtendedTrustManager policy;
  private final EventDispatcher events;

  PlatformThenPolicyTrustManager(AndroidPlatform platform, X509ExtendedTrustManager policy, EventDispatcher events) {
    this.platform = platform;
    this.policy = policy;
    this.events = events;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    SSLSession handshake = socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
    checkPlatform(chain, authType, handshake);
    policy.checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkPlatform(chain, authType, engine == null ? null : engine.getHandshakeSession());
    policy.checkServerTrusted(chain, authType, engine);
  }

  /** Without a socket or engine there is no host to check the chain for: refused. */
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    checkPlatform(chain, authType, null);
  }

  private void checkPlatform(X509Certificate[] chain, String authType, SSLSession handshake)
      throws CertificateException {
    String host = handshake == null ? null : handshake.getPeerHost();
    if (host == null) {
      throw new CertificateException("No host name for this handshake, so neither the Network Security Config nor"
          + " Hardwire can check the certificate against it. Connect by host name through a Hardwire client.");
    }
    try {
      platform.checkServerTrusted(chain, authType, host);
    } catch (CertificateException e) {
      String message = "The app's Network Security Config rejected the certificate chain of " + host + ": "
          + e.getMessage() + ". Hardwire accepts a chain only if the platform accepts it too: put the policy's"
          + " private roots and pins into res/xml/network_security_config.xml (NscExport writes it from the policy).";
      events.emit(events.event(SecurityEvent.Kind.CERTIFICATE_REJECTED)
          .host(host)
          .reason(REJECTED_BY_NSC)
          .message(message));
      throw new CertificateException(message, e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    policy.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    policy.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    policy.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return policy.getAcceptedIssuers();
  }
}
