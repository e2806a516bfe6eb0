package dev.hardwire.benchmarks;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.tls.TlsContext;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A client's TLS side: raw (the provider's own context, platform trust manager, HTTPS endpoint
 * identification, provider defaults for versions and suites) or hardened (the policy's {@link
 * TlsContext}: Hardwire's verifier as trust manager, the policy's versions and suites).
 */
abstract class ClientTls {
  /** A client engine for {@code host}. */
  abstract SSLEngine engine(String host);

  /** TLS layered over the connected {@code socket}, for {@code host}; not yet handshaken. */
  abstract SSLSocket socket(Socket socket, String host) throws IOException;

  /**
   * The client for {@code kind} ({@code raw}, {@code hardened}, or {@code pinned}: hardened with
   * the intermediate's key pinned) on {@code provider}, able to negotiate {@code protocol}.
   */
  static ClientTls of(String kind, Pki pki, TlsProvider provider, String protocol) throws GeneralSecurityException {
    switch (kind) {
      case "raw":
        return new Raw(pki.rawClientContext(provider));
      case "hardened":
        return hardened(pki.policy(), provider, protocol);
      case "pinned":
        return hardened(pki.pinnedPolicy(), provider, protocol);
      default:
        throw new IllegalArgumentException("client must be raw, hardened or pinned: " + kind);
    }
  }

  /** Hardwire's TLS 1.3-only default, or TLS 1.2 as minimum when the server speaks only 1.2. */
  static ClientTls hardened(SecurityPolicy.Builder policy, TlsProvider provider, String protocol) {
    TlsVersion minimum = protocol.equals("TLSv1.2") ? TlsVersion.TLS_1_2 : TlsVersion.TLS_1_3;
    return new Hardened(PolicyEnforcer.of(policy.tlsProvider(provider).minimumTlsVersion(minimum).build()).tls());
  }

  static final class Raw extends ClientTls {
    private final SSLContext context;

    Raw(SSLContext context) {
      this.context = context;
    }

    @Override
    SSLEngine engine(String host) {
      SSLEngine engine = context.createSSLEngine(host, 443);
      engine.setUseClientMode(true);
      engine.setSSLParameters(identifyEndpoint(engine.getSSLParameters()));
      return engine;
    }

    @Override
    SSLSocket socket(Socket socket, String host) throws IOException {
      SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, socket.getPort(), true);
      tls.setSSLParameters(identifyEndpoint(tls.getSSLParameters()));
      return tls;
    }

    private static SSLParameters identifyEndpoint(SSLParameters parameters) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      return parameters;
    }
  }

  static final class Hardened extends ClientTls {
    final TlsContext tls;

    Hardened(TlsContext tls) {
      this.tls = tls;
    }

    @Override
    SSLEngine engine(String host) {
      SSLEngine engine = tls.sslContext().createSSLEngine(host, 443);
      engine.setUseClientMode(true);
      engine.setSSLParameters(tls.sslParameters());
      return engine;
    }

    @Override
    SSLSocket socket(Socket socket, String host) throws IOException {
      return (SSLSocket) tls.socketFactory().createSocket(socket, host, socket.getPort(), true);
    }
  }
}
