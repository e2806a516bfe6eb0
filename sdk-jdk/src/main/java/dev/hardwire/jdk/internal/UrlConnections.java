package dev.hardwire.jdk.internal;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.tls.SessionVerification;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;

/**
 * What every HttpsURLConnection under one policy shares: the enforcer, and one socket factory and
 * hostname verifier. HttpsURLConnection keeps connections alive per socket factory, so sharing
 * them pools connections and resumes TLS sessions across {@code open} calls. The most recently
 * used policies are kept; a policy is usually one per application.
 */
public final class UrlConnections {
  private static final int KEPT_POLICIES = 16;
  private static final Map<SecurityPolicy, UrlConnections> BY_POLICY =
      new LinkedHashMap<SecurityPolicy, UrlConnections>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SecurityPolicy, UrlConnections> eldest) {
          return size() > KEPT_POLICIES;
        }
      };

  final PolicyEnforcer enforcer;
  final RecordingSocketFactory socketFactory;
  final HostnameVerifier hostnameVerifier;
  final TlsEvents tlsEvents;

  private UrlConnections(PolicyEnforcer enforcer) {
    this.enforcer = enforcer;
    this.socketFactory = new RecordingSocketFactory(enforcer.tls().socketFactory());
    // HttpsURLConnection asks it only when its own check of the URL's host failed; it answers true
    // only if the verifier accepted (in the handshake) or accepts the chain for that host too.
    this.hostnameVerifier = SessionVerification.hostnameVerifier(enforcer.tls(), enforcer.verifier());
    this.tlsEvents = new TlsEvents(enforcer);
  }

  /**
   * The shared state for {@code policy}.
   *
   * @throws IllegalStateException if the policy's TLS provider is missing or cannot do what it asks
   */
  public static UrlConnections of(SecurityPolicy policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    synchronized (BY_POLICY) {
      UrlConnections connections = BY_POLICY.get(policy);
      if (connections == null) {
        connections = new UrlConnections(PolicyEnforcer.of(policy));
        BY_POLICY.put(policy, connections);
      }
      return connections;
    }
  }

  /**
   * A connection to {@code url} if the URL guard allows it; nothing is resolved or connected yet.
   *
   * @throws dev.hardwire.core.RequestRefusedException if the guard refuses {@code url}
   */
  public HttpsURLConnection open(URL url) throws IOException {
    if (url == null) throw new NullPointerException("url == null");
    URI approved = enforcer.urlGuard().checkRequest(url.toString());
    return new PolicyHttpsConnection(approved, this);
  }
}
