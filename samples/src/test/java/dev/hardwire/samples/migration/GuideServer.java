package dev.hardwire.samples.migration;

import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RestrictedServerSockets;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.tls.Certificates;
import okhttp3.tls.HeldCertificate;

/**
 * An HTTPS server on loopback for one of the guides' host names (see {@code src/test/hosts}), with a
 * certificate from a CA generated for the test: the "after" code runs against it unchanged.
 */
final class GuideServer implements AutoCloseable {
  private final TestPki pki = TestPki.create();
  private final HeldCertificate leaf;
  private final String host;
  final MockWebServer server;

  private GuideServer(String host, String... protocols) throws IOException {
    this.host = host;
    this.leaf = pki.leaf(host);
    SSLSocketFactory sockets = pki.serverCertificates(leaf).sslSocketFactory();
    if (protocols.length > 0) sockets = RestrictedServerSockets.of(sockets, protocols);
    this.server = LoopbackServers.https(sockets);
  }

  static GuideServer start(String host) throws IOException {
    return new GuideServer(host);
  }

  /** A server that offers only TLS 1.2, like an old gateway. */
  static GuideServer startTls12Only(String host) throws IOException {
    return new GuideServer(host, "TLSv1.2");
  }

  /** {@code https://host:port}, the base URL the guides' methods take. */
  String baseUrl() {
    return "https://" + host + ":" + server.getPort();
  }

  /** The CA's root, the one certificate a client needs to trust this server. */
  List<java.security.cert.X509Certificate> roots() {
    return List.of(pki.root());
  }

  /** The CA's root as a PEM file in {@code directory}, as an operations team would hand it over. */
  Path caPem(Path directory) throws IOException {
    return Files.writeString(directory.resolve("ca.pem"), Certificates.certificatePem(pki.root()));
  }

  /** The SPKI pin of the server's own key. */
  String leafPin() {
    return CertificatePinner.pin(leaf.certificate());
  }

  @Override
  public void close() {
    server.close();
  }
}
