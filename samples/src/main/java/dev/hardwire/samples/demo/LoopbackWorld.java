package dev.hardwire.samples.demo;

import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RestrictedServerSockets;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.tls.HeldCertificate;

/**
 * The demo's private internet on 127.0.0.1: a certificate authority generated at start, an HTTPS
 * server per host name, and a plain-HTTP listener that counts what reaches it. Host names end in
 * {@code .test}, a top-level domain reserved for testing, and resolve only through {@link #dns()}:
 * nothing here can reach a real host.
 */
public final class LoopbackWorld implements AutoCloseable {
  /** The API: the bearer token's only host. */
  public static final String API = "api.hardwire.test";
  /** Another company's host that the API redirects downloads to. */
  public static final String CDN = "cdn.elsewhere.test";
  /** A host the policy pins to keys its server does not have. */
  public static final String PINNED = "pinned.hardwire.test";
  /** An old server that speaks TLS 1.2 and nothing newer. */
  public static final String LEGACY = "legacy.hardwire.test";

  // MockWebServer reports each connection at INFO; the demo's reader needs none of it. Held here
  // because java.util.logging keeps only weak references to configured loggers.
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final TestPki pki = TestPki.create();
  private final Map<String, MockWebServer> servers;
  private final CleartextTrap cleartext;

  private LoopbackWorld() throws IOException {
    SERVER_LOG.setLevel(Level.WARNING);
    this.servers = Map.of(
        API, server(API, false),
        CDN, server(CDN, false),
        PINNED, server(PINNED, false),
        LEGACY, server(LEGACY, true));
    this.cleartext = CleartextTrap.start();
  }

  /** Generates the CA and starts every server; close it to stop them. */
  public static LoopbackWorld start() throws IOException {
    return new LoopbackWorld();
  }

  private MockWebServer server(String host, boolean tls12Only) throws IOException {
    // Named in the subject too, so the pin failure's list of the chain's keys reads host, CA, root.
    HeldCertificate leaf = new HeldCertificate.Builder()
        .commonName(host)
        .addSubjectAlternativeName(host)
        .signedBy(pki.intermediate())
        .build();
    SSLSocketFactory sockets = pki.serverCertificates(leaf).sslSocketFactory();
    if (tls12Only) sockets = RestrictedServerSockets.of(sockets, new String[] {"TLSv1.2"});
    return LoopbackServers.https(sockets);
  }

  /** The root certificate of the CA generated at start: the demo's only trusted root. */
  public X509Certificate certificateAuthority() {
    return pki.root();
  }

  public MockWebServer server(String host) {
    return servers.get(host);
  }

  /** {@code https://host:port/path} of {@code host}'s server. */
  public String https(String host, String path) {
    return "https://" + host + ":" + servers.get(host).getPort() + path;
  }

  /** {@code http://host:port/path} on the plain-HTTP listener. */
  public String http(String host, String path) {
    return "http://" + host + ":" + cleartext.port() + path;
  }

  /** The plain-HTTP listener, which counts every connection and byte it receives. */
  public CleartextTrap cleartextListener() {
    return cleartext;
  }

  /** Resolves the demo's {@code .test} names to 127.0.0.1 and refuses every other name. */
  public Dns dns() {
    return hostname -> {
      if (!hostname.toLowerCase(Locale.ROOT).endsWith(".test")) {
        throw new UnknownHostException(hostname + " is outside the demo's loopback world");
      }
      return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1}));
    };
  }

  @Override
  public void close() throws IOException {
    for (MockWebServer server : servers.values()) server.close();
    cleartext.close();
  }
}
