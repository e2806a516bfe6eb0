package dev.hardwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.jdk.HardenedHttpClient;
import dev.hardwire.jdk.HardenedUrlConnection;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RestrictedServerSockets;
import dev.hardwire.testing.TestPki;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted mix of allowed and refused requests through all three adapters, over real TLS on
 * loopback, and the exact meters it makes. The unit tests feed {@code HardwireMetrics} events by
 * hand; this one proves the adapters emit the events those meters count, once each.
 */
class AdapterMetricsTest {
  private static final String WRONG_PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String WRONG_BACKUP = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";

  private final TestPki pki = TestPki.create();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  // Explicit patterns: one instance listens to three policies (plain, upgrading, pinned).
  private final HardwireMetrics metrics = HardwireMetrics.forHostPatterns("localhost", "127.0.0.1");
  private MockWebServer server;
  private MockWebServer tls12Server;
  private MockWebServer wrongNameServer;
  private CleartextTrap trap;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {server, tls12Server, wrongNameServer, trap}) {
      if (closeable != null) closeable.close();
    }
  }

  @Test
  void countsAScriptedMixThroughEveryAdapterExactly() throws Exception {
    server = LoopbackServers.https(pki.serverCertificates().sslSocketFactory());
    tls12Server = LoopbackServers.https(RestrictedServerSockets.of(
        pki.serverCertificates().sslSocketFactory(), new String[] {"TLSv1.2"}));
    wrongNameServer = LoopbackServers.https(pki.serverCertificates(pki.leaf("example.com")).sslSocketFactory());
    trap = CleartextTrap.start();
    metrics.bindTo(registry);
    SecurityPolicy policy = pki.policyBuilder()
        .minimumTlsVersion(TlsVersion.TLS_1_2)
        .credential(Credential.bearer("localhost", "canary-token"))
        .eventListener(metrics)
        .build();
    SecurityPolicy upgrading = policy.newBuilder().cleartextMode(CleartextMode.UPGRADE).build();
    SecurityPolicy pinned = policy.newBuilder().pin("127.0.0.1", WRONG_PIN, WRONG_BACKUP).build();
    String https = "https://localhost:" + server.getPort();

    OkHttpClient okHttp = HardenedOkHttp.newClient(policy);
    server.enqueue(LoopbackServers.ok("one"));
    server.enqueue(LoopbackServers.ok("two"));
    server.enqueue(LoopbackServers.redirect(302, trap.url("http", "/login")));
    server.enqueue(LoopbackServers.redirect(302, "https://127.0.0.1:" + server.getPort() + "/landed"));
    server.enqueue(LoopbackServers.ok("landed"));
    assertEquals("one", okHttpGet(okHttp, https + "/one"));
    assertEquals("two", okHttpGet(okHttp, https + "/two"));
    assertThrows(CleartextRefusedException.class, () -> okHttpGet(okHttp, trap.url("http", "/a")));
    assertThrows(RedirectRefusedException.class, () -> okHttpGet(okHttp, https + "/downgrade"));
    assertEquals("landed", okHttpGet(okHttp, https + "/cross-host"));
    assertThrows(SSLHandshakeException.class,
        () -> okHttpGet(okHttp, "https://localhost:" + wrongNameServer.getPort() + "/wrong-name"));
    assertEquals(5, server.getRequestCount());
    takeRequests(3);
    assertEquals("Bearer canary-token", server.takeRequest().getHeaders().get("Authorization"));
    RecordedRequest landed = server.takeRequest();
    assertEquals("127.0.0.1", landed.getUrl().host());
    assertNull(landed.getHeaders().get("Authorization"), "withheld after the redirect left localhost");

    HttpClient jdk = HardenedHttpClient.newBuilder(policy).followRedirects(HttpClient.Redirect.NORMAL).build();
    server.enqueue(LoopbackServers.ok("three"));
    server.enqueue(LoopbackServers.redirect(302, trap.url("http", "/login")));
    tls12Server.enqueue(LoopbackServers.ok("four"));
    assertEquals("three", jdkGet(jdk, https + "/three"));
    assertEquals("four", jdkGet(jdk, "https://localhost:" + tls12Server.getPort() + "/four"));
    assertThrows(CleartextRefusedException.class, () -> jdkGet(jdk, trap.url("http", "/b")));
    assertThrows(RedirectRefusedException.class, () -> jdkGet(jdk, https + "/downgrade"));
    assertThrows(SSLHandshakeException.class, () -> jdkGet(HardenedHttpClient.newClient(pinned),
        "https://127.0.0.1:" + server.getPort() + "/pinned"));
    assertEquals(7, server.getRequestCount());
    assertEquals(1, tls12Server.getRequestCount());

    server.enqueue(LoopbackServers.ok("upgraded"));
    assertEquals("upgraded", urlConnectionGet(upgrading, "http://localhost:" + server.getPort() + "/up"));
    assertThrows(CleartextRefusedException.class, () -> urlConnectionGet(policy, trap.url("http", "/c")));
    assertEquals(8, server.getRequestCount());

    assertEquals(0, trap.connections(), "nothing reached the cleartext listener");
    assertEquals(0, wrongNameServer.getRequestCount(), "no request over a rejected certificate");

    // 13 requests: OkHttp 5 allowed (one, two, downgrade, cross-host, wrong-name) + 1 cleartext;
    // JDK 4 allowed (three, four, downgrade, pinned) + 1 cleartext; URLConnection 1 upgraded + 1 cleartext.
    assertEquals(9, count("hardwire.requests", "outcome", "allowed"));
    assertEquals(3, count("hardwire.requests", "outcome", "refused-cleartext"));
    assertEquals(1, count("hardwire.requests", "outcome", "upgraded"));
    assertEquals(0, count("hardwire.requests", "outcome", "refused-url"));
    assertEquals(2, count("hardwire.redirects.refused", "reason", "DOWNGRADE"));
    assertEquals(1, count("hardwire.redirects.cross.origin"));
    assertEquals(1, count("hardwire.credentials.withheld", "host.pattern", "localhost", "reason", "CROSS_HOST_REDIRECT"));
    assertEquals(1, count("hardwire.pin.failures", "host.pattern", "127.0.0.1", "mode", "enforced"));
    assertEquals(1, count("hardwire.certificates.rejected", "host.pattern", "localhost", "reason", "HOSTNAME_MISMATCH"));
    // New: OkHttp's to localhost and to 127.0.0.1, the JDK client's two, the URLConnection's. Reused:
    // OkHttp's two, downgrade and cross-host first hop, the JDK client's downgrade. The refused
    // handshakes (pin, host name) negotiated nothing.
    assertEquals(4, tlsConnections("TLSv1.3", "new"));
    assertEquals(4, tlsConnections("TLSv1.3", "reused"));
    assertEquals(1, tlsConnections("TLSv1.2", "new"));
    assertEquals(0, tlsConnections("TLSv1.2", "reused"));
    assertEquals(9, sum("hardwire.tls.connections"), "every connection is JDK-provided TLS 1.2 or 1.3");
    assertEquals(4, handshakes("TLSv1.3"));
    assertEquals(1, handshakes("TLSv1.2"));
    assertEquals(4.0 / 13, gauge("hardwire.posture.cleartext.share"), 1e-9);
    assertEquals(8.0 / 9, gauge("hardwire.posture.tls.share", "version", "TLSv1.3"), 1e-9);
    assertEquals(1.0 / 9, gauge("hardwire.posture.tls.share", "version", "TLSv1.2"), 1e-9);
    assertEquals(0, gauge("hardwire.posture.tls.share", "version", "other"));
  }

  private double tlsConnections(String version, String connection) {
    return sum("hardwire.tls.connections", "version", version, "provider", "JDK", "connection", connection);
  }

  private long handshakes(String version) {
    return registry.get("hardwire.tls.handshake.duration").tags("version", version, "provider", "JDK").timer().count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  private void takeRequests(int count) throws InterruptedException {
    for (int i = 0; i < count; i++) server.takeRequest();
  }

  private static String okHttpGet(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  private static String jdkGet(HttpClient client, String url) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String urlConnectionGet(SecurityPolicy policy, String url) throws IOException {
    HttpsURLConnection connection = HardenedUrlConnection.open(new URL(url), policy);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
