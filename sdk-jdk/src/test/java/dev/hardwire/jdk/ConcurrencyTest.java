package dev.hardwire.jdk;

import static dev.hardwire.jdk.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.Credential;
import dev.hardwire.core.RedirectRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityTelemetry;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** 200 sendAsync calls in flight at once, allowed and refused mixed: every decision counted exactly once. */
class ConcurrencyTest {
  private static final String TOKEN = "token-c0ncurrent";

  @Test
  void countsEveryDecisionExactlyUnderConcurrency() throws Exception {
    SecurityTelemetry telemetry = new SecurityTelemetry();
    HttpClient client = HardenedHttpClient.newBuilder(PKI.policyBuilder()
            .credential(Credential.bearer("localhost", TOKEN))
            .eventListener(telemetry)
            .build())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
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
          trap.url("http", "/cleartext"),                         // refused before any socket
          "https://localhost:" + server.getPort() + "/redirect",  // allowed, then its http hop refused
          "https://127.0.0.1:" + server.getPort() + "/ok",        // allowed, outside the credential's scope
      };
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(client.sendAsync(Fixtures.get(urls[i % urls.length]), HttpResponse.BodyHandlers.ofString())
            .thenApply(HttpResponse::body)
            .exceptionally(ConcurrencyTest::outcome));
      }
      int ok = 0;
      int cleartext = 0;
      int redirect = 0;
      for (CompletableFuture<String> result : results) {
        String outcome = result.get(30, TimeUnit.SECONDS);
        if (outcome.equals("ok")) ok++;
        else if (outcome.equals("cleartext")) cleartext++;
        else if (outcome.equals("redirect")) redirect++;
        else throw new AssertionError(outcome);
      }

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
      assertEquals(0, snapshot.count(SecurityEvent.Kind.CREDENTIAL_WITHHELD));
    }
  }

  private static String outcome(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof CleartextRefusedException) return "cleartext";
    if (cause instanceof RedirectRefusedException) return "redirect";
    return String.valueOf(cause);
  }
}
