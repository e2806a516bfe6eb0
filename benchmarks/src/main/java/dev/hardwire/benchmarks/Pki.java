package dev.hardwire.benchmarks;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.tls.TlsProviders;
import dev.hardwire.testing.TestPki;
import dev.hardwire.testing.TestPki.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.tls.HeldCertificate;

/**
 * One generated PKI (root, intermediate, leaf) per key type, the server's TLS context, and the raw
 * clients' trust. The leaf names {@code *.bench.test} (and the loopback addresses): every full
 * handshake connects to a new host name from {@link #newHost()}, so no client can resume a session
 * it cached, whichever provider it runs on.
 */
final class Pki {
  static final String HOST_SUFFIX = ".bench.test";
  private static final AtomicLong HOSTS = new AtomicLong();
  private static final Map<KeyType, Pki> CACHE = new EnumMap<>(KeyType.class);
  // BCJSSE logs every handshake at INFO through java.util.logging; a strong reference keeps the level.
  private static final Logger BOUNCY_CASTLE_LOG = Logger.getLogger("org.bouncycastle.jsse");

  static {
    BOUNCY_CASTLE_LOG.setLevel(Level.WARNING);
  }

  final KeyType keyType;
  final TestPki testPki;
  final HeldCertificate leaf;
  /** The server's context on the JDK provider; only clients change between benchmarks. */
  final SSLContext serverContext;
  /**
   * The same server on Conscrypt, that is BoringSSL: what production TLS servers run (natively),
   * for the benchmarks whose question is the client's cost, not a pure-Java server's.
   */
  final SSLContext nativeServerContext;

  private Pki(KeyType keyType) throws GeneralSecurityException {
    this.keyType = keyType;
    this.testPki = TestPki.create(keyType);
    this.leaf = testPki.leaf("*" + HOST_SUFFIX);
    this.serverContext = serverContext(null, leaf, testPki.intermediate().certificate());
    this.nativeServerContext = serverContext(TlsProviders.newProvider(TlsProvider.CONSCRYPT), leaf,
        testPki.intermediate().certificate());
  }

  static synchronized Pki of(KeyType keyType) throws GeneralSecurityException {
    Pki pki = CACHE.get(keyType);
    if (pki == null) {
      pki = new Pki(keyType);
      CACHE.put(keyType, pki);
    }
    return pki;
  }

  /** A host name the leaf covers and no client has seen yet. */
  static String newHost() {
    return "h" + HOSTS.incrementAndGet() + HOST_SUFFIX;
  }

  /**
   * The server's key manager is SunX509, which unwraps the private key once. SunJSSE's default
   * {@code PKIX} key manager over a PKCS12 store decrypts it on every handshake (JDK-8322767),
   * which would double the server's share of every handshake measured here.
   */
  private static SSLContext serverContext(java.security.Provider jsse, HeldCertificate leaf,
      X509Certificate intermediate) throws GeneralSecurityException {
    char[] password = "bench".toCharArray();
    KeyStore keyStore = emptyKeyStore();
    keyStore.setKeyEntry("leaf", leaf.keyPair().getPrivate(), password,
        new Certificate[] {leaf.certificate(), intermediate});
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
    keyManagers.init(keyStore, password);
    SSLContext context = jsse == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", jsse);
    context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
    return context;
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try {
      keyStore.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    return keyStore;
  }

  X509Certificate root() {
    return testPki.root();
  }

  /** The chain a server sends plus its root: leaf, intermediate, root. */
  List<X509Certificate> fullChain() {
    return Arrays.asList(leaf.certificate(), testPki.intermediate().certificate(), root());
  }

  /** A policy that trusts only this PKI's root. */
  SecurityPolicy.Builder policy() {
    return testPki.policyBuilder();
  }

  /** Like {@link #policy()}, with the intermediate's key pinned (and a backup pin) for every bench host. */
  SecurityPolicy.Builder pinnedPolicy() {
    return policy().pin("*" + HOST_SUFFIX, CertificatePinner.pin(testPki.intermediate().certificate()),
        CertificatePinner.pin(root()));
  }

  /** The JDK's PKIX trust manager, trusting only this PKI's root. */
  X509TrustManager rawTrustManager() throws GeneralSecurityException {
    return rawTrustManager(null);
  }

  /**
   * {@code jsse}'s own PKIX trust manager (the JDK's for null), trusting only this PKI's root: what
   * a raw client on that provider uses. Conscrypt's and BCJSSE's engines need their own: the JDK's
   * refuses the {@code GENERIC} auth type they pass for TLS 1.3.
   */
  X509TrustManager rawTrustManager(java.security.Provider jsse) throws GeneralSecurityException {
    KeyStore trusted = emptyKeyStore();
    trusted.setCertificateEntry("root", root());
    TrustManagerFactory factory = jsse == null
        ? TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
        : TrustManagerFactory.getInstance("PKIX", jsse);
    factory.init(trusted);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager) return (X509TrustManager) manager;
    }
    throw new IllegalStateException("no X509TrustManager");
  }

  /**
   * A raw client context on {@code provider}: the same provider instance Hardwire would create (for
   * Bouncy Castle, BCJSSE on the JDK's JCA), with that provider's default trust manager.
   */
  SSLContext rawClientContext(TlsProvider provider) throws GeneralSecurityException {
    java.security.Provider jsse = TlsProviders.newProvider(provider);
    return rawClientContext(jsse, rawTrustManager(jsse));
  }

  static SSLContext rawClientContext(java.security.Provider jsse, X509TrustManager trustManager)
      throws GeneralSecurityException {
    SSLContext context = jsse == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", jsse);
    context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
    return context;
  }
}
