package dev.hardwire.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeNoException;

import dev.hardwire.android.internal.AndroidHardening;
import dev.hardwire.android.internal.FakePlatform;
import dev.hardwire.android.internal.LoopbackServers;
import dev.hardwire.android.internal.SystemPlatform;
import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.RecordingListener;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/** Hardened clients on an Android runtime (Robolectric, API 34), over real TLS on loopback. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34)
public final class HardwireAndroidTest {
  private static final TestPki PKI = TestPki.create();
  private static final TestPki OTHER_PKI = TestPki.create();

  private final RecordingListener listener = new RecordingListener();
  private MockWebServer server;

  @Before
  public void startServer() throws IOException {
    server = LoopbackServers.https(PKI);
    server.enqueue(new MockResponse.Builder().body("hello").build());
  }

  @After
  public void stopServer() throws IOException {
    server.close();
  }

  @Test
  public void requestSucceedsWhenBothTheNscAndThePolicyTrustTheChain() throws Exception {
    assumeVerifierImplemented();
    FakePlatform platform = new FakePlatform(34).trusting(PKI.root());
    OkHttpClient client = client(PKI.policyBuilder(), platform);
    try (Response response = client.newCall(get(server.url("/").toString())).execute()) {
      assertEquals("hello", response.body().string());
    }
    assertEquals(Collections.singletonList(server.getHostName()), platform.checkedHosts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  public void nscRejectionAbortsTheHandshakeBeforeAnyRequest() throws Exception {
    assumeVerifierImplemented();
    OkHttpClient client = client(PKI.policyBuilder(), new FakePlatform(34).trusting(OTHER_PKI.root()));
    try {
      client.newCall(get(server.url("/").toString())).execute().close();
      fail();
    } catch (IOException expected) {
      assertTrue(messages(expected), messages(expected).contains("Network Security Config rejected"));
    }
    assertEquals(0, server.getRequestCount());
    List<SecurityEvent> rejected = listener.events(SecurityEvent.Kind.CERTIFICATE_REJECTED);
    assertEquals(1, rejected.size());
    assertEquals("NETWORK_SECURITY_CONFIG", rejected.get(0).reason());
  }

  @Test
  public void policyRejectionWinsWhenTheNscAccepts() throws Exception {
    assumeVerifierImplemented();
    OkHttpClient client = client(OTHER_PKI.policyBuilder(), new FakePlatform(34).trusting(PKI.root()));
    try {
      client.newCall(get(server.url("/").toString())).execute().close();
      fail();
    } catch (IOException expected) {
      // The verifier's own rejection, not the platform's.
      assertTrue(messages(expected), !messages(expected).contains("Network Security Config rejected"));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  public void refusesCleartextEvenWhereTheNscPermitsIt() throws Exception {
    assumeVerifierImplemented();
    FakePlatform platform = new FakePlatform(34).trusting(PKI.root()).cleartextPermittedFor("127.0.0.1");
    try (CleartextTrap trap = CleartextTrap.start()) {
      OkHttpClient client = client(PKI.policyBuilder(), platform);
      try {
        client.newCall(get(trap.url("http", "/login?token=secret"))).execute().close();
        fail();
      } catch (CleartextRefusedException expected) {
        assertTrue(expected.getMessage(), !expected.getMessage().contains("secret"));
      }
      assertEquals(0, trap.connections());
    }
  }

  @Test
  public void newClientOnTheDeviceRefusesCleartext() throws Exception {
    assumeVerifierImplemented();
    assertEquals(34, SystemPlatform.INSTANCE.sdkInt());
    try (CleartextTrap trap = CleartextTrap.start()) {
      OkHttpClient client = HardwireAndroid.newClient(SecurityPolicy.strict());
      try {
        client.newCall(get(trap.url("http", "/"))).execute().close();
        fail();
      } catch (CleartextRefusedException expected) {
        assertTrue(expected.getMessage(), expected.getMessage().contains("https://"));
      }
      assertEquals(0, trap.connections());
    }
  }

  @Test
  public void refusesATls13PolicyBeforeAndroid10WithoutConscrypt() throws Exception {
    try {
      client(PKI.policyBuilder(), new FakePlatform(26).trusting(PKI.root()));
      fail();
    } catch (IllegalStateException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("org.conscrypt:conscrypt-android"));
    }
  }

  @Test
  public void refusesDevicesBelowApi24BeforeBuildingAnything() throws Exception {
    try {
      client(PKI.policyBuilder(), new FakePlatform(23).trusting(PKI.root()));
      fail();
    } catch (IllegalStateException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("needs API 24"));
    }
  }

  /** Skips, rather than fails, while sdk-core's CertificateChainVerifier is still a skeleton. */
  private static void assumeVerifierImplemented() {
    try {
      CertificateChainVerifier.create(SecurityPolicy.strict());
    } catch (UnsupportedOperationException e) {
      assumeNoException("sdk-core's CertificateChainVerifier is not implemented yet", e);
    }
  }

  private OkHttpClient client(SecurityPolicy.Builder policy, FakePlatform platform) {
    return AndroidHardening.harden(new OkHttpClient.Builder(), policy.eventListener(listener).build(), platform).build();
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) text.append(t).append('\n');
    return text.toString();
  }
}
