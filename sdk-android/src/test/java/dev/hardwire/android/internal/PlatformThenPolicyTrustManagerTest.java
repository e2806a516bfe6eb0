package dev.hardwire.android.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import mockwebserver3.MockWebServer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The composition alone, over real TLS on loopback: the platform's check, then the policy's trust
 * manager (here a JDK PKIX one standing in for Hardwire's verifier), both required.
 */
public final class PlatformThenPolicyTrustManagerTest {
  private static final TestPki PKI = TestPki.create();
  private static final TestPki OTHER_PKI = TestPki.create();

  private final RecordingListener listener = new RecordingListener();
  private MockWebServer server;

  @Before
  public void startServer() throws IOException {
    server = LoopbackServers.https(PKI);
  }

  @After
  public void stopServer() throws IOException {
    server.close();
  }

  @Test
  public void handshakeSucceedsWhenPlatformAndPolicyAccept() throws Exception {
    FakePlatform platform = new FakePlatform(34).trusting(PKI.root());
    handshake(platform, pkix(PKI.root()));
    assertEquals(Collections.singletonList(server.getHostName()), platform.checkedHosts());
  }

  @Test
  public void platformRejectionFailsTheHandshakeWithAnEvent() throws Exception {
    try {
      handshake(new FakePlatform(34).trusting(OTHER_PKI.root()), pkix(PKI.root()));
      fail();
    } catch (SSLHandshakeException expected) {
      assertTrue(String.valueOf(expected.getCause()),
          String.valueOf(expected.getCause()).contains("Network Security Config rejected the certificate chain of "
              + server.getHostName()));
    }
    SecurityEvent event = listener.events(SecurityEvent.Kind.CERTIFICATE_REJECTED).get(0);
    assertEquals("NETWORK_SECURITY_CONFIG", event.reason());
    assertEquals(server.getHostName(), event.host());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  public void policyRejectionFailsTheHandshakeAfterThePlatformAccepted() throws Exception {
    FakePlatform platform = new FakePlatform(34).trusting(PKI.root());
    try {
      handshake(platform, pkix(OTHER_PKI.root()));
      fail();
    } catch (SSLHandshakeException expected) {
      assertEquals(1, platform.checkedHosts().size());
    }
    assertTrue(listener.events(SecurityEvent.Kind.CERTIFICATE_REJECTED).isEmpty());
  }

  @Test
  public void refusesAChainWithoutAHandshakeToNameTheHost() throws Exception {
    PlatformThenPolicyTrustManager trust = new PlatformThenPolicyTrustManager(
        new FakePlatform(34).trusting(PKI.root()), pkix(PKI.root()), events());
    try {
      trust.checkServerTrusted(new X509Certificate[] {PKI.leaf().certificate(), PKI.intermediate().certificate()},
          "ECDHE_ECDSA");
      fail();
    } catch (java.security.cert.CertificateException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("No host name"));
    }
  }

  private void handshake(FakePlatform platform, X509ExtendedTrustManager policy) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new PlatformThenPolicyTrustManager(platform, policy, events())},
        new SecureRandom());
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.getHostName(), server.getPort())) {
      socket.startHandshake();
    }
  }

  private EventDispatcher events() {
    return new EventDispatcher(Collections.singletonList(listener), Clock.systemUTC());
  }

  private static X509ExtendedTrustManager pkix(X509Certificate root) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("root", root);
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
  }
}
