package dev.hardwire.okhttp.internal;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.redirects.RedirectRules;
import dev.hardwire.core.internal.tls.SessionVerification;
import dev.hardwire.core.internal.tls.TlsContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.HostnameVerifier;
import okhttp3.Authenticator;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Applies one policy to an {@link OkHttpClient.Builder}: the TLS settings every connection must be
 * made with, and the interceptors, authenticators and event listener that translate core's
 * decisions into OkHttp's hooks.
 */
public final class Hardening {
  private final PolicyEnforcer enforcer;
  private final HostnameVerifier hostnameVerifier;
  private final ConnectionSpec connectionSpec;

  public Hardening(PolicyEnforcer enforcer) {
    this.enforcer = enforcer;
    TlsContext tls = enforcer.tls();
    // Verifies in full any session the policy's trust manager did not: one from a socket factory
    // an interceptor swapped in.
    this.hostnameVerifier = SessionVerification.hostnameVerifier(tls, enforcer.verifier());
    this.connectionSpec = new ConnectionSpec.Builder(ConnectionSpec.RESTRICTED_TLS)
        .tlsVersions(tls.protocols().toArray(new String[0]))
        .cipherSuites(tls.cipherSuites().toArray(new String[0]))
        .build();
  }

  public static Set<String> redactedHeaders(SecurityPolicy policy) {
    Set<String> names = new LinkedHashSet<>(RedirectRules.sensitiveHeaderNames(policy));
    names.add("set-cookie");
    return Collections.unmodifiableSet(names);
  }

  public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
    // The builder's settings are read through a client because OkHttp exposes them only there.
    OkHttpClient configured = builder.build();
    refuseIfUnsafeToReplace(configured);
    PolicyConnections connections = new PolicyConnections(enforcer, hostnameVerifier);

    builder.sslSocketFactory(enforcer.tls().socketFactory(), enforcer.verifier().trustManager())
        .hostnameVerifier(hostnameVerifier)
        .certificatePinner(CertificatePinner.DEFAULT)
        .connectionSpecs(Collections.singletonList(connectionSpec))
        .followRedirects(false)
        .followSslRedirects(false)
        .eventListenerFactory(new TlsEventListener.Factory(enforcer, configured.eventListenerFactory()));
    if (configured.authenticator() != Authenticator.NONE) {
      builder.authenticator(new SameOriginAuthenticator(configured.authenticator(), enforcer));
    }
    if (configured.proxyAuthenticator() != Authenticator.NONE) {
      builder.proxyAuthenticator(new SameOriginAuthenticator(configured.proxyAuthenticator(), enforcer));
    }
    builder.interceptors().add(0, new GuardInterceptor(enforcer, configured.followRedirects()));
    builder.interceptors().add(new HopInterceptor(enforcer, connections));
    builder.networkInterceptors().add(0, connections);
    return builder;
  }

  private static void refuseIfUnsafeToReplace(OkHttpClient configured) {
    for (Interceptor interceptor : configured.interceptors()) {
      if (interceptor instanceof GuardInterceptor) {
        throw new IllegalArgumentException("This OkHttpClient.Builder is already hardened. To apply another"
            + " SecurityPolicy, call HardenedOkHttp.harden(...) on a builder that was never hardened.");
      }
    }
    Set<CertificatePinner.Pin> pins = configured.certificatePinner().getPins();
    if (pins.isEmpty()) return;
    StringBuilder equivalent = new StringBuilder();
    for (CertificatePinner.Pin pin : pins) {
      equivalent.append("\n    .pin(\"").append(pin.getPattern()).append("\", \"").append(pin).append("\")");
    }
    throw new IllegalArgumentException("This OkHttpClient.Builder has a CertificatePinner. Hardwire enforces pins"
        + " from the SecurityPolicy only (with backup pins, expiry and events), and will not drop yours silently."
        + " Remove certificatePinner(...) from the builder and add the pins to the policy (sha1/ pins must be"
        + " replaced by sha256/ pins):\n  SecurityPolicy.builder()" + equivalent + "\n    .build();");
  }
}
