package dev.hardwire.benchmarks;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.core.internal.tls.ForwardingTrustManager;
import dev.hardwire.core.internal.tls.TlsContext;
import dev.hardwire.core.internal.tls.TlsProviders;
import dev.hardwire.testing.TestPki.KeyType;
import java.net.Socket;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Prints, as a Markdown table, what each provider, protocol and client negotiates with the
 * benchmarks' JDK server, and whether a second handshake to the same host resumes (its trust
 * manager is not consulted) or is full again. The benchmarks' claims about resumption rest on it.
 *
 * <pre>java -cp benchmarks.jar dev.hardwire.benchmarks.HandshakeFacts</pre>
 */
public final class HandshakeFacts {
  private HandshakeFacts() {
  }

  public static void main(String[] args) throws Exception {
    System.out.println("| provider | protocol | client | negotiated | cipher suite | 2nd handshake to the same host |");
    System.out.println("|---|---|---|---|---|---|");
    Pki pki = Pki.of(KeyType.EC_P256);
    for (TlsProvider provider : TlsProvider.values()) {
      for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
        for (String client : new String[] {"raw", "hardened"}) {
          System.out.println(row(pki, provider, protocol, client));
        }
      }
    }
  }

  private static String row(Pki pki, TlsProvider provider, String protocol, String client) {
    String prefix = "| " + provider + " | " + protocol + " | " + client + " | ";
    try {
      AtomicInteger checks = new AtomicInteger();
      Provider jsse = TlsProviders.newProvider(provider);
      ClientTls tls = client.equals("raw")
          ? new ClientTls.Raw(Pki.rawClientContext(jsse, new Counting((X509ExtendedTrustManager) pki.rawTrustManager(jsse), checks)))
          : hardened(pki, provider, protocol, checks);
      String host = Pki.newHost();
      Handshakes handshakes = new Handshakes(pki, tls, protocol);
      SSLSession first = handshakes.to(host);
      handshakes.to(host);
      String second = checks.get() == 1 ? "resumed" : "full (trust manager ran again)";
      return prefix + first.getProtocol() + " | " + first.getCipherSuite() + " | " + second + " |";
    } catch (Exception e) {
      return prefix + "fails: " + e + " | | |";
    }
  }

  private static ClientTls hardened(Pki pki, TlsProvider provider, String protocol, AtomicInteger checks) {
    SecurityPolicy policy = pki.policy().tlsProvider(provider)
        .minimumTlsVersion(protocol.equals("TLSv1.2") ? TlsVersion.TLS_1_2 : TlsVersion.TLS_1_3).build();
    X509ExtendedTrustManager verifier = CertificateChainVerifier.create(policy).trustManager();
    return new ClientTls.Hardened(TlsContext.create(policy, new Counting(verifier, checks)));
  }

  /** Counts server-chain checks, then delegates: a resumed handshake makes none. */
  private static final class Counting extends ForwardingTrustManager {
    private final AtomicInteger checks;

    Counting(X509ExtendedTrustManager delegate, AtomicInteger checks) {
      super(delegate);
      this.checks = checks;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checks.incrementAndGet();
      super.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checks.incrementAndGet();
      super.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checks.incrementAndGet();
      super.checkServerTrusted(chain, authType);
    }
  }
}
