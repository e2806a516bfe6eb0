package dev.hardwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.HardenedHttpClient;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A scripted mix of requests through both adapters, over real TLS, and the exact meters it makes. */
class AdapterMetricsTest {
  private static final String WRONG_PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String WRONG_BACKUP = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";

  private final TestPki pki = TestPki.create();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private MockWebServer server;
  private CleartextTrap trap;

  @AfterEach
  void close() throws Exception {
    if (server != null) server.close();
    if (trap != null) trap.close();
  }

  @Test
  void countsAScriptedMixThroughBothAdaptersExactly() throws Exception {
    server = LoopbackServers.https(pki.serverCertificates().sslSocketFactory());
    trap = CleartextTrap.start();
    SecurityPolicy base = pki.policyBuilder()
        .credential(Credential.bearer("localhost", "canary-token"))
        .pin("127.0.0.1", WRONG_PIN, WRONG_BACKUP)
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    metrics.bindTo(registry);
    SecurityPolicy policy = base.newBuilder().eventListener(metrics).build();
    OkHttpClient okHttp = HardenedOkHttp.newClient(policy);
    HttpClient jdk = HardenedHttpClient.newClient(policy);
    String https = "https://localhost:" + server.getPort();

    server.enqueue(LoopbackServers.ok("one"));
    server.enqueue(LoopbackServers.ok("two"));
    server.enqueue(LoopbackServers.ok("three"));
    server.enqueue(LoopbackServers.redirect(302, trap.url("http", "/login")));
    okHttpGet(okHttp, https + "/one");                       // allowed, new TLS connection
    okHttpGet(okHttp, https + "/two");                       // allowed, pooled connection
    HttpResponse<String> response = jdk.send(HttpRequest.newBuilder(URI.create(https + "/three")).build(),
        HttpResponse.BodyHandlers.ofString());               // allowed, new connection of the JDK client
    assertEquals(200, response.statusCode());
    assertThrows(CleartextRefusedException.class, () -> okHttpGet(okHttp, trap.url("http", "/a")));
    assertThrows(CleartextRefusedException.class, () -> jdk.send(
        HttpRequest.newBuilder(URI.create(trap.url("http", "/b"))).build(), HttpResponse.BodyHandlers.ofString()));
    assertThrows(RedirectRefusedException.class, () -> okHttpGet(okHttp, https + "/downgrade"));
    assertThrows(SSLHandshakeException.class,
        () -> okHttpGet(okHttp, "https://127.0.0.1:" + server.getPort() + "/pinned"));

    assertEquals(0, trap.connections(), "nothing reached the cleartext listener");
    assertEquals(4, server.getRequestCount(), "the refused requests never reached the server");
    assertEquals(5, count("hardwire.requests", "outcome", "allowed"));
    assertEquals(2, count("hardwire.requests", "outcome", "refused-cleartext"));
    assertEquals(0, count("hardwire.requests", "outcome", "upgraded"));
    assertEquals(1, count("hardwire.redirects.refused", "reason", "DOWNGRADE"));
    assertEquals(1, count("hardwire.pin.failures", "host.pattern", "127.0.0.1", "mode", "enforced"));
    assertEquals(2, sum("hardwire.tls.connections", "connection", "new"));
    assertEquals(2, sum("hardwire.tls.connections", "connection", "reused"));
    assertEquals(2, registry.get("hardwire.tls.handshake.duration").tags("version", "TLSv1.3", "provider", "JDK")
        .timer().count());
    assertEquals(2.0 / 7, registry.get("hardwire.posture.cleartext.share").gauge().value(), 1e-9);
    assertEquals(1.0, registry.get("hardwire.posture.tls.share").tags("version", "TLSv1.3").gauge().value(), 1e-9);
  }

  private static void okHttpGet(OkHttpClient client, String url) throws Exception {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      response.body().string();
    }
  }

  private double count(String name, String... tags) {
    return HardwireMetricsTest.count(registry, name, tags);
  }

  private double sum(String name, String... tags) {
    double total = 0;
    for (FunctionCounter counter : registry.find(name).tags(tags).functionCounters()) total += counter.count();
    return total;
  }
}
