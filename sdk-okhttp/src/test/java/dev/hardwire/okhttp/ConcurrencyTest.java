package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static dev.hardwire.okhttp.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityTelemetry;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** 200 calls on 20 threads, allowed and refused mixed: every decision counted exactly once. */
class ConcurrencyTest {
  private static final String TOKEN = "token-c0ncurrent";

  @Test
  void countsEveryDecisionExactlyUnderConcurrency() throws Exception {
    SecurityTelemetry telemetry = new SecurityTelemetry();
    OkHttpClient client = HardenedOkHttp.newClient(PKI.policyBuilder()
        .credential(Credential.bearer("localhost", TOKEN))
        .eventListener(telemetry)
        .build());
    ConcurrentLinkedQueue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    try (CleartextTrap trap = CleartextTrap.start(); MockWebServer server = Fixtures.httpsServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override public MockResponse dispatch(RecordedRequest request) {
          received.add(request);
          return request.getTarget().equals("/redirect")
              ? LoopbackServers.redirect(302, trap.url("http", "/stolen"))
              : LoopbackServers.ok("ok");
        }
      });
      String[] urls = {
          "https://localhost:" + server.getPort() + "/ok",        // allowed, with the credential
          trap.url("http", "/cleartext"),                         // refused before DNS
          "https://localhost:" + server.getPort() + "/redirect",  // allowed, then its http hop refused
          "https://127.0.0.1:" + server.getPort() + "/ok",        // allowed, outside the credential's scope
      };
      ExecutorService threads = Executors.newFixedThreadPool(20);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String url = urls[i % urls.length];
        results.add(threads.submit(() -> outcome(client, url)));
      }
      int ok = 0;
      int cleartext = 0;
      int redirect = 0;
      for (Future<String> result : results) {
        switch (result.get(30, TimeUnit.SECONDS)) {
          case "ok": ok++; break;
          case "cleartext": cleartext++; break;
          case "redirect": redirect++; break;
          default: throw new AssertionError(result.get());
        }
      }
      threads.shutdown();

      assertEquals(100, ok);
      assertEquals(50, cleartext);
      assertEquals(50, redirect);
      assertEquals(0, trap.connections());
      assertEquals(150, received.size());
      for (RecordedRequest request : received) {
        boolean inScope = request.getUrl().host().equals("localhost");
        assertEquals(inScope ? "Bearer " + TOKEN : null, request.getHeaders().get("Authorization"));
      }
      SecurityTelemetry.Snapshot snapshot = telemetry.snapshot();
      assertEquals(200, snapshot.attempts());
      assertEquals(150, snapshot.count(SecurityEvent.Kind.REQUEST_ALLOWED));
      assertEquals(50, snapshot.count(SecurityEvent.Kind.CLEARTEXT_REFUSED));
      assertEquals(50, snapshot.count(SecurityEvent.Kind.REDIRECT_REFUSED));
      assertEquals(150, snapshot.count(SecurityEvent.Kind.TLS_NEGOTIATED));
      assertEquals(150L, snapshot.tlsVersions().get("TLSv1.3"));
      assertTrue(snapshot.count(SecurityEvent.Kind.CREDENTIAL_WITHHELD) == 0);
    }
  }

  private static String outcome(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(get(url)).execute()) {
      return response.body().string();
    } catch (CleartextRefusedException e) {
      return "cleartext";
    } catch (RedirectRefusedException e) {
      return "redirect";
    }
  }
}
