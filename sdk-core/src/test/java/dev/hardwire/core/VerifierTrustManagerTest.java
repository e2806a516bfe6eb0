package dev.hardwire.core;

import static dev.hardwire.core.TestCertificates.ca;
import static dev.hardwire.core.TestCertificates.chain;
import static dev.hardwire.core.TestCertificates.leaf;
import static dev.hardwire.core.TestCertificates.policyTrusting;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.TestCertificates.Issued;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier as a JSSE trust manager, in real handshakes over loopback: the host comes from the
 * handshake, and a refused chain aborts the handshake before the server sees any application byte.
 */
class VerifierTrustManagerTest {
  private static final Issued ROOT = ca("Trust Manager Root").build();
  private static final Issued INTERMEDIATE = ca("Trust Manager Intermediate").issuedBy(ROOT).build();
  private static final Issued LOCALHOST = leaf("localhost").ipAddresses("127.0.0.1").issuedBy(INTERMEDIATE).build();
  private static final byte[] REQUEST = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
  void completesTheHandshakeWithATrustedChainForTheHost(String protocol) throws Exception {
    try (LoopbackTlsServer server = LoopbackTlsServer.start(serving(LOCALHOST), protocol)) {
      try (SSLSocket socket = connect(clientContext(policyTrusting(ROOT)), "localhost", server)) {
        socket.getOutputStream().write(REQUEST);
        assertArrayEquals(REQUEST, readFully(socket.getInputStream(), REQUEST.length));
        assertEquals(protocol, socket.getSession().getProtocol());
      }
      assertEquals(1, server.handshakes());
      assertTrue(events.isEmpty(), events.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
  void abortsTheHandshakeForAnotherHost(String protocol) throws Exception {
    Issued other = leaf("other.example").issuedBy(INTERMEDIATE).build();
    try (LoopbackTlsServer server = LoopbackTlsServer.start(serving(other), protocol)) {
      assertRefused(Reason.HOSTNAME_MISMATCH, clientContext(policyTrusting(ROOT)), "localhost", server);
      assertEquals("localhost", events.get(0).host());
    }
  }

  @Test
  void abortsTheHandshakeForAnUntrustedRoot() throws Exception {
    Issued otherRoot = ca("Other Root").build();
    HandshakeCertificates withRoot = new HandshakeCertificates.Builder()
        .heldCertificate(LOCALHOST.held(), INTERMEDIATE.certificate(), ROOT.certificate()).build();
    try (LoopbackTlsServer server = LoopbackTlsServer.start(withRoot, "TLSv1.3")) {
      assertRefused(Reason.UNTRUSTED, clientContext(policyTrusting(otherRoot)), "localhost", server);
    }
  }

  @Test
  void abortsTheHandshakeOnAPinMismatch() throws Exception {
    SecurityPolicy.Builder pinned = policyTrusting(ROOT)
        .pin("localhost", ca("Unrelated").build().pin(), ca("Backup").build().pin());
    try (LoopbackTlsServer server = LoopbackTlsServer.start(serving(LOCALHOST), "TLSv1.3")) {
      SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
          () -> exchange(clientContext(pinned), "localhost", server));
      assertEquals(Reason.PIN_MISMATCH, rejection(e).reason());
      server.awaitConnectionsDone(1);
      assertEquals(0, server.applicationBytes());
    }
  }

  /**
   * SunJSSE gives a socket created from an address alone the address's literal as its host (or
   * the name the address was looked up by), never a reverse lookup unless {@code
   * jdk.tls.trustNameService} is set; the verifier checks the certificate against that literal.
   */
  @Test
  void verifiesASocketCreatedFromAnAddressAgainstTheAddressLiteral() throws Exception {
    Issued nameOnly = leaf("localhost").issuedBy(INTERMEDIATE).build();
    InetAddress literal = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    try (LoopbackTlsServer server = LoopbackTlsServer.start(serving(nameOnly), "TLSv1.3")) {
      SSLContext context = clientContext(policyTrusting(ROOT));
      try (Socket socket = context.getSocketFactory().createSocket(literal, server.port())) {
        socket.setSoTimeout(10_000);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
            () -> socket.getOutputStream().write(REQUEST));
        CertificateRejectedException rejection = rejection(e);
        assertEquals(Reason.HOSTNAME_MISMATCH, rejection.reason(), rejection.getMessage());
        assertTrue(rejection.getMessage().startsWith("Certificate for 127.0.0.1 rejected"), rejection.getMessage());
      }
      server.awaitConnectionsDone(1);
      assertEquals(0, server.applicationBytes());
    }
    try (LoopbackTlsServer server = LoopbackTlsServer.start(serving(LOCALHOST), "TLSv1.3")) {
      try (Socket socket = clientContext(policyTrusting(ROOT)).getSocketFactory().createSocket(literal,
          server.port())) {
        socket.getOutputStream().write(REQUEST);
        assertArrayEquals(REQUEST, readFully(socket.getInputStream(), REQUEST.length));
      }
    }
  }

  @Test
  void refusesASocketWithoutAHandshakeSession() throws Exception {
    X509ExtendedTrustManager trustManager = trustManager();
    X509Certificate[] chain = chain(LOCALHOST, INTERMEDIATE).toArray(new X509Certificate[0]);
    try (Socket plain = new Socket();
        Socket unconnected = clientContext(policyTrusting(ROOT)).getSocketFactory().createSocket()) {
      assertNoHostname(() -> trustManager.checkServerTrusted(chain, "ECDHE_ECDSA", plain));
      assertNoHostname(() -> trustManager.checkServerTrusted(chain, "ECDHE_ECDSA", unconnected));
      assertNoHostname(() -> trustManager.checkServerTrusted(chain, "ECDHE_ECDSA", (Socket) null));
    }
  }

  @Test
  void takesTheHostOfAnEngineAndRefusesAnEngineWithoutOne() throws Exception {
    X509ExtendedTrustManager trustManager = trustManager();
    X509Certificate[] chain = chain(LOCALHOST, INTERMEDIATE).toArray(new X509Certificate[0]);
    SSLContext context = clientContext(policyTrusting(ROOT));
    trustManager.checkServerTrusted(chain, "ECDHE_ECDSA", context.createSSLEngine("localhost", 443));
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
        () -> trustManager.checkServerTrusted(chain, "ECDHE_ECDSA", context.createSSLEngine("other.example", 443)));
    assertEquals(Reason.HOSTNAME_MISMATCH, e.reason());
    assertNoHostname(() -> trustManager.checkServerTrusted(chain, "ECDHE_ECDSA", context.createSSLEngine()));
  }

  @Test
  void refusesTheCheckWithoutSocketOrEngine() {
    X509Certificate[] chain = chain(LOCALHOST, INTERMEDIATE).toArray(new X509Certificate[0]);
    CertificateRejectedException e = assertNoHostname(() -> trustManager().checkServerTrusted(chain, "ECDHE_ECDSA"));
    assertTrue(e.getMessage().contains("createSocket(socket, host, port, true)"), e.getMessage());
  }

  @Test
  void refusesToAuthenticateClients() throws Exception {
    X509ExtendedTrustManager trustManager = trustManager();
    X509Certificate[] chain = chain(LOCALHOST, INTERMEDIATE).toArray(new X509Certificate[0]);
    SSLContext context = clientContext(policyTrusting(ROOT));
    try (Socket socket = new Socket()) {
      List<Executable> checks = List.of(
          () -> trustManager.checkClientTrusted(chain, "ECDHE_ECDSA"),
          () -> trustManager.checkClientTrusted(chain, "ECDHE_ECDSA", socket),
          () -> trustManager.checkClientTrusted(chain, "ECDHE_ECDSA", context.createSSLEngine("localhost", 443)));
      for (Executable check : checks) {
        CertificateException e = assertThrows(CertificateException.class, check::run);
        assertTrue(e.getMessage().contains("verifies servers only"), e.getMessage());
      }
    }
  }

  @Test
  void acceptsTheIssuersOfThePolicy() {
    X509Certificate[] issuers = trustManager().getAcceptedIssuers();
    assertArrayEquals(new X509Certificate[] {ROOT.certificate()}, issuers);
    issuers[0] = null;
    assertNotNull(trustManager().getAcceptedIssuers()[0]);
  }

  @Test
  void acceptsThePlatformsIssuersByDefault() {
    X509Certificate[] issuers = CertificateChainVerifier.create(SecurityPolicy.strict()).trustManager()
        .getAcceptedIssuers();
    assertTrue(issuers.length > 10, "platform roots: " + issuers.length);
    assertFalse(List.of(issuers).contains(ROOT.certificate()));
  }

  private interface Executable {
    void run() throws Exception;
  }

  private CertificateRejectedException assertNoHostname(Executable check) {
    CertificateRejectedException e = assertThrows(CertificateRejectedException.class, check::run);
    assertEquals(Reason.NO_HOSTNAME, e.reason());
    return e;
  }

  /** Asserts that the client refuses the handshake with {@code reason}, and the server saw no request byte. */
  private void assertRefused(Reason reason, SSLContext client, String host, LoopbackTlsServer server)
      throws Exception {
    SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> exchange(client, host, server));
    assertEquals(reason, rejection(e).reason(), e.toString());
    server.awaitConnectionsDone(1);
    assertEquals(0, server.handshakes());
    assertEquals(0, server.applicationBytes());
    assertEquals(1, events.size(), events.toString());
    assertEquals(reason.name(), events.get(0).reason());
  }

  private static void exchange(SSLContext client, String host, LoopbackTlsServer server) throws IOException {
    try (SSLSocket socket = connect(client, host, server)) {
      socket.getOutputStream().write(REQUEST);
      readFully(socket.getInputStream(), REQUEST.length);
    }
  }

  /** A TLS socket layered over a TCP connection to 127.0.0.1, with {@code host} as the peer's name. */
  private static SSLSocket connect(SSLContext client, String host, LoopbackTlsServer server) throws IOException {
    Socket tcp = new Socket();
    tcp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 10_000);
    tcp.setSoTimeout(10_000);
    return (SSLSocket) client.getSocketFactory().createSocket(tcp, host, server.port(), true);
  }

  private static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] result = in.readNBytes(length);
    if (result.length != length) throw new IOException("connection closed after " + result.length + " bytes");
    return result;
  }

  private static CertificateRejectedException rejection(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateRejectedException) return (CertificateRejectedException) cause;
    }
    throw new AssertionError("no CertificateRejectedException in " + e, e);
  }

  private static HandshakeCertificates serving(Issued leaf) {
    return new HandshakeCertificates.Builder().heldCertificate(leaf.held(), INTERMEDIATE.certificate()).build();
  }

  private X509ExtendedTrustManager trustManager() {
    return CertificateChainVerifier.create(policyTrusting(ROOT).eventListener(events::add).build()).trustManager();
  }

  private SSLContext clientContext(SecurityPolicy.Builder policy) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {
        CertificateChainVerifier.create(policy.eventListener(events::add).build()).trustManager()}, null);
    return context;
  }
}
