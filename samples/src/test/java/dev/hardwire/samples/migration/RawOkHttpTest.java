package dev.hardwire.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the "after" code of docs/migration/okhttp.md against api.example.com on loopback. */
class RawOkHttpTest {
  private static final String TOKEN = "tok-okhttp-guide";
  private GuideServer api;

  // HttpLoggingInterceptor's default logger; held, since java.util.logging keeps loggers weakly.
  private final Logger okHttpLog = Logger.getLogger(OkHttpClient.class.getName());
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void start() throws IOException {
    api = GuideServer.start("api.example.com");
    okHttpLog.addHandler(capture);
    okHttpLog.setUseParentHandlers(false);
  }

  @AfterEach
  void stop() {
    okHttpLog.removeHandler(capture);
    okHttpLog.setUseParentHandlers(true);
    api.close();
  }

  @Test
  void afterSendsTheTokenAndUserAgentToThePinnedServerAndLogsNoSecret() throws Exception {
    api.server.enqueue(LoopbackServers.ok("[\"socks\"]"));
    SecurityPolicy policy = RawOkHttp.After.apiPolicy(TOKEN).newBuilder()
        .trustAnchors(api.roots())
        .pin("api.example.com", api.leafPin(), "sha256/YLh1dUR9y6Kja30RrAn7JKnbQG/uEtLMkBgFF2Fuihg=")
        .build();

    assertEquals("[\"socks\"]", RawOkHttp.After.items(RawOkHttp.After.apiClient(policy), api.baseUrl()));
    RecordedRequest request = api.server.takeRequest();
    assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
    assertEquals("shop-app/4.2", request.getHeaders().get("User-Agent"));
    String log = String.join("\n", logged);
    assertTrue(log.contains("Authorization: ██"), log);
    assertFalse(log.contains(TOKEN), log);
  }

  @Test
  void afterRefusesAServerWhoseKeyIsNotPinned() {
    SecurityPolicy policy = RawOkHttp.After.apiPolicy(TOKEN).newBuilder().trustAnchors(api.roots()).build();

    IOException refused = assertThrows(IOException.class,
        () -> RawOkHttp.After.items(RawOkHttp.After.apiClient(policy), api.baseUrl()));
    assertTrue(refused instanceof SSLException, refused.toString());
    assertTrue(refused.getMessage().contains(api.leafPin()), "the message lists the real pin: " + refused);
    assertEquals(0, api.server.getRequestCount());
  }

  @Test
  void afterRefusesCleartextBeforeAnyConnection() throws IOException {
    SecurityPolicy policy = RawOkHttp.After.apiPolicy(TOKEN).newBuilder().trustAnchors(api.roots()).build();
    try (CleartextTrap trap = CleartextTrap.start()) {
      OkHttpClient client = RawOkHttp.After.apiClient(policy);
      assertThrows(CleartextRefusedException.class,
          () -> RawOkHttp.After.items(client, "http://api.example.com:" + trap.port()));
      assertEquals(0, trap.connections());
    }
  }

  @Test
  void hardeningTheOldBuilderNamesThePinsToMove() {
    OkHttpClient.Builder old = RawOkHttp.Before.apiClient(TOKEN).newBuilder();

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> HardenedOkHttp.harden(old, SecurityPolicy.strict()));
    assertTrue(refused.getMessage().contains(
        ".pin(\"api.example.com\", \"sha256/r/mIkG3eEpVdm+u/ko/cwxzOMo1bk4TyHIlByibiA5E=\")"), refused.getMessage());
  }
}
